package dev.clusterspec.emit.report;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The size limits that matter for Talos configs and the manifests they carry or fetch. Talos itself has
 * no manifest size limit (the "1 MB" of the architecture document does not exist): the bounds are the
 * gRPC message size of apid/machined (32 MiB; 4 MiB in maintenance mode before Talos 1.13, which is
 * what {@code apply-config --insecure} talks to) and what one Kubernetes object may weigh (1 MiB for a
 * Secret or ConfigMap, about 1.5 MiB for any object in one etcd request).
 */
final class SizeLimits {

    static final long MIB = 1024L * 1024L;
    static final long TALOS_CONFIG = 32 * MIB;
    static final long TALOS_MAINTENANCE_BEFORE_1_13 = 4 * MIB;
    static final long KUBERNETES_OBJECT = MIB;

    private static final Pattern VERSION = Pattern.compile("v?(\\d+)\\.(\\d+)(?:\\..*)?");
    private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("---[ \\t]*(?:#.*)?");

    private SizeLimits() {}

    /** Whether this Talos version's maintenance mode still uses gRPC's 4 MiB default. */
    static boolean smallMaintenanceLimit(String talosVersion) {
        Matcher m = VERSION.matcher(talosVersion);
        if (!m.matches()) {
            return false;
        }
        int major = Integer.parseInt(m.group(1));
        int minor = Integer.parseInt(m.group(2));
        return major < 1 || (major == 1 && minor < 13);
    }

    /** The largest document of a multi-document YAML text, in UTF-8 bytes (what a reader measures). */
    static long largestDocument(String yaml) {
        long largest = 0;
        int documentStart = 0;
        for (int lineStart = 0; lineStart <= yaml.length(); ) {
            int newline = yaml.indexOf('\n', lineStart);
            int lineEnd = newline < 0 ? yaml.length() : newline;
            // a CR before the newline ends the line too
            int contentEnd = lineEnd > lineStart && yaml.charAt(lineEnd - 1) == '\r' ? lineEnd - 1 : lineEnd;
            if (isSeparator(yaml, lineStart, contentEnd)) {
                largest = Math.max(largest, utf8Length(yaml, documentStart, lineStart));
                documentStart = contentEnd;
            }
            lineStart = lineEnd + 1;
        }
        return Math.max(largest, utf8Length(yaml, documentStart, yaml.length()));
    }

    /** {@code ---}, then only blanks or a comment: a document separator line. */
    private static boolean isSeparator(String text, int from, int to) {
        return text.startsWith("---", from) && DOCUMENT_SEPARATOR.matcher(text).region(from, to).matches();
    }

    /** UTF-8 bytes of a stretch of text; 0 when it holds only blanks, as no reader counts that as a document. */
    private static long utf8Length(String text, int from, int to) {
        String document = text.substring(from, to);
        return document.isBlank() ? 0 : document.getBytes(StandardCharsets.UTF_8).length;
    }

    /** {@code 812 B}, {@code 14.2 KiB}, {@code 1.5 MiB}: one decimal, the same on every machine. */
    static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < MIB) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (double) MIB);
    }

    /** {@code 12.5%} of the limit. */
    static String share(long bytes, long limit) {
        return String.format(Locale.ROOT, "%.1f%%", 100.0 * bytes / limit);
    }
}
