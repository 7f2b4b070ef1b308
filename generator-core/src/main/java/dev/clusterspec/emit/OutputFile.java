package dev.clusterspec.emit;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One generated file: its path under the output folder ({@code talos/cp-1.yaml}), its bytes, and
 * whether it holds secrets (Talos configs, talosconfig). Secret files never go to the manifest repo
 * and their contents are never shown in a diff unredacted.
 */
public record OutputFile(String path, byte[] content, boolean secret) {

    public OutputFile {
        Objects.requireNonNull(path);
        if (path.startsWith("/") || path.contains("..") || path.contains("\\")) {
            throw new IllegalArgumentException("output path must be relative and normalised: " + path);
        }
        content = content.clone();
    }

    public static OutputFile text(String path, String text) {
        return new OutputFile(path, text.getBytes(StandardCharsets.UTF_8), false);
    }

    public static OutputFile secretText(String path, String text) {
        return new OutputFile(path, text.getBytes(StandardCharsets.UTF_8), true);
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    public String text() {
        return new String(content, StandardCharsets.UTF_8);
    }

    public int size() {
        return content.length;
    }
}
