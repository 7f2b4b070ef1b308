package dev.clusterspec.spec;

import dev.clusterspec.yaml.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The versions this release generates for, read from {@code supported-versions.json}: the one place
 * that says which Talos lines (and, per line, which Kubernetes minors), which Cilium lines and which
 * Tailscale operator versions are supported. The spec check holds a spec to it; the Talos emitter
 * refuses to write configs for a line outside it.
 */
public final class SupportedVersions {

    private static final JsonNode SUPPORTED = read();

    private SupportedVersions() {}

    /** An inclusive range of minor versions, e.g. 1.31 to 1.36. */
    public record MinorRange(String min, String max) {

        public boolean contains(String minor) {
            return compare(minor, min) >= 0 && compare(minor, max) <= 0;
        }
    }

    /** The supported Talos lines, oldest first ({@code v1.12}, {@code v1.13}). */
    public static List<String> talosLines() {
        List<String> lines = new ArrayList<>();
        SUPPORTED.path("talos").propertyNames().forEach(lines::add);
        return lines;
    }

    /** Whether a Talos version ({@code v1.13.9}) is of a supported line. */
    public static boolean supportsTalos(String version) {
        return version.matches("v[0-9]+\\.[0-9]+\\.[0-9]+") && talosLines().contains(minor(version));
    }

    /** The Kubernetes minors a supported Talos line ({@code v1.13}) runs, or nothing for another line. */
    public static Optional<MinorRange> kubernetesFor(String talosLine) {
        JsonNode line = SUPPORTED.path("talos").path(talosLine);
        if (line.isMissingNode()) {
            return Optional.empty();
        }
        return Optional.of(new MinorRange(line.path("kubernetesMin").asString(), line.path("kubernetesMax").asString()));
    }

    /** The supported Cilium lines ({@code 1.18}). */
    public static List<String> ciliumLines() {
        List<String> lines = new ArrayList<>();
        SUPPORTED.path("cilium").forEach(n -> lines.add(n.asString()));
        return lines;
    }

    /** The oldest Tailscale operator minor supported ({@code 1.80}). */
    public static String tailscaleOperatorMin() {
        return SUPPORTED.path("tailscaleOperatorMin").asString();
    }

    /** The line of a version: {@code v1.13.9} is {@code v1.13}, {@code 1.33.4} is {@code 1.33}. */
    public static String minor(String version) {
        String[] parts = version.split("\\.");
        return parts[0] + "." + parts[1];
    }

    /** Orders versions numerically part by part, ignoring a leading {@code v}. */
    public static int compare(String a, String b) {
        String[] x = a.replace("v", "").split("\\.");
        String[] y = b.replace("v", "").split("\\.");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i]));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }

    private static JsonNode read() {
        try (InputStream in = SupportedVersions.class.getResourceAsStream("/clusterspec/data/supported-versions.json")) {
            return JsonReader.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
