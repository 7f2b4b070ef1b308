package dev.clusterspec.diff;

import java.util.Objects;
import java.util.Set;

/**
 * How to compare and show two sides.
 *
 * @param contextLines     unchanged lines around each change in the unified diffs (3, as in git)
 * @param maxLinesPerEntry diff lines shown per entry before the rest is cut (0: no limit); an added
 *                         CRD bundle would otherwise print thousands of lines
 * @param secretPaths      files that hold secrets besides everything under {@code talos/} (e.g. the
 *                         paths of {@code OutputFile}s flagged secret): in them values under
 *                         secret-sounding keys are redacted too, and text that is not YAML is not shown
 * @param manifestIndex    the manifest repo's table of contents ({@code components[*].path},
 *                         relative to its folder); on a side that has it, files in subfolders of that
 *                         folder which it does not list are old content-addressed versions kept for
 *                         old Talos configs, and are left out. Null to compare every file.
 * @param beforeLabel      what the before side is called in notes ("published", "last output")
 * @param afterLabel       what the after side is called in notes ("generated")
 */
public record DiffOptions(int contextLines, int maxLinesPerEntry, Set<String> secretPaths, String manifestIndex,
                          String beforeLabel, String afterLabel) {

    public static final String TALOS_FOLDER = "talos/";
    public static final String DEFAULT_MANIFEST_INDEX = "manifest-repo/index.yaml";

    public DiffOptions {
        if (contextLines < 0 || maxLinesPerEntry < 0) {
            throw new IllegalArgumentException("contextLines and maxLinesPerEntry must not be negative");
        }
        secretPaths = Set.copyOf(secretPaths);
        Objects.requireNonNull(beforeLabel);
        Objects.requireNonNull(afterLabel);
    }

    public static DiffOptions defaults() {
        return new DiffOptions(3, 400, Set.of(), DEFAULT_MANIFEST_INDEX, "before", "after");
    }

    public DiffOptions withContextLines(int lines) {
        return new DiffOptions(lines, maxLinesPerEntry, secretPaths, manifestIndex, beforeLabel, afterLabel);
    }

    public DiffOptions withMaxLinesPerEntry(int lines) {
        return new DiffOptions(contextLines, lines, secretPaths, manifestIndex, beforeLabel, afterLabel);
    }

    public DiffOptions withSecretPaths(Set<String> paths) {
        return new DiffOptions(contextLines, maxLinesPerEntry, paths, manifestIndex, beforeLabel, afterLabel);
    }

    public DiffOptions withManifestIndex(String indexPath) {
        return new DiffOptions(contextLines, maxLinesPerEntry, secretPaths, indexPath, beforeLabel, afterLabel);
    }

    public DiffOptions withLabels(String before, String after) {
        return new DiffOptions(contextLines, maxLinesPerEntry, secretPaths, manifestIndex, before, after);
    }

    /** Talos configs and talosconfig live under {@code talos/}; other secret files are named explicitly. */
    public boolean isSecretFile(String path) {
        return path.startsWith(TALOS_FOLDER) || secretPaths.contains(path);
    }
}
