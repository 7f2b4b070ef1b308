package dev.clusterspec.check;

import dev.clusterspec.spec.ClusterSpec.Versions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Versions lie in the ranges this release generates for (supported-versions.json). */
final class VersionCheck implements SpecCheck {

    private static final JsonNode SUPPORTED = read();

    @Override
    public void check(CheckContext context) {
        Versions v = context.spec().versions();
        String talosMinor = minor(v.talos());
        JsonNode talos = SUPPORTED.path("talos").path(talosMinor);
        List<String> talosLines = new ArrayList<>();
        SUPPORTED.path("talos").propertyNames().forEach(talosLines::add);
        if (talos.isMissingNode()) {
            context.error("/versions/talos", "Talos " + v.talos() + " is not supported; supported lines: " + String.join(", ", talosLines));
        } else {
            String k8s = minor(v.kubernetes());
            String min = talos.path("kubernetesMin").asString();
            String max = talos.path("kubernetesMax").asString();
            if (compare(k8s, min) < 0 || compare(k8s, max) > 0) {
                context.error("/versions/kubernetes", "Kubernetes " + v.kubernetes() + " is outside what Talos " + talosMinor
                        + " supports (" + min + " to " + max + ")");
            }
        }
        List<String> cilium = new ArrayList<>();
        SUPPORTED.path("cilium").forEach(n -> cilium.add(n.asString()));
        if (!cilium.contains(minor(v.cilium()))) {
            context.error("/versions/cilium", "Cilium " + v.cilium() + " is not supported; supported lines: " + String.join(", ", cilium));
        }
        String operatorMin = SUPPORTED.path("tailscaleOperatorMin").asString();
        if (compare(minor(v.tailscaleOperator()), operatorMin) < 0) {
            context.error("/versions/tailscaleOperator", "Tailscale operator " + v.tailscaleOperator() + " is older than " + operatorMin
                    + ", the oldest this release generates for");
        }
    }

    private static String minor(String version) {
        String[] parts = version.split("\\.");
        return parts[0] + "." + parts[1];
    }

    private static int compare(String a, String b) {
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
        try (InputStream in = VersionCheck.class.getResourceAsStream("/clusterspec/data/supported-versions.json")) {
            return JsonMapper.shared().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
