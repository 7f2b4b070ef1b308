package dev.clusterspec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Locates the bundled example projects and the shared reference data from tests. */
public final class Examples {

    /** Every bundled example, in the order tests report them. */
    public static final java.util.List<String> ALL = java.util.List.of("oci-free-tier", "minimal", "oci-direct");

    private Examples() {}

    public static Path root() {
        String configured = System.getProperty("clusterspec.root");
        if (configured != null) {
            return Path.of(configured);
        }
        // tests run in the module's folder; the benchmark may be started from the project's root
        Path module = Path.of("").toAbsolutePath();
        return Files.isDirectory(module.resolve("examples")) ? module : module.getParent();
    }

    public static Path spec(String example) {
        return root().resolve("examples").resolve(example).resolve("cluster.yaml");
    }

    /** Copies an example project (without its build output) into {@code target}; returns the copy's spec. */
    public static Path copy(String example, Path target) throws IOException {
        Path folder = spec(example).getParent();
        try (Stream<Path> all = Files.walk(folder)) {
            // not the build output, nor a Talos bundle a local run of cluster:secrets left (ignored by Git)
            for (Path source : all.filter(Files::isRegularFile).filter(p -> !folder.relativize(p).startsWith("target"))
                    .filter(p -> !p.getFileName().toString().startsWith("talos-secrets.yaml")).toList()) {
                Path copy = target.resolve(folder.relativize(source).toString());
                Files.createDirectories(copy.getParent());
                Files.copy(source, copy);
            }
        }
        return target.resolve("cluster.yaml");
    }

    /**
     * A copy of an example without its Talos patches (the {@code talos} section, node patches and
     * patch files), for tests that add patches of their own; returns the copy's spec.
     */
    public static Path copyWithoutPatches(String example, Path target) throws IOException {
        Path spec = copy(example, target);
        String text = Files.readString(spec);
        int talos = text.indexOf("\ntalos:\n");
        if (talos >= 0) {
            int next = talos + 1;
            do {
                next = text.indexOf('\n', next) + 1;
            } while (next > 0 && next < text.length() && (text.charAt(next) == ' ' || text.charAt(next) == '#'));
            text = text.substring(0, talos + 1) + text.substring(next);
        }
        // node patches: ", patches: [...]}" at the end of a node's flow mapping, with the comment above it
        text = text.replaceAll("(?m)^  # .*\\(a node patch.*\\)\n", "").replaceAll(",\\s*patches: \\[.*\\]}", "}");
        Files.writeString(spec, text);
        try (Stream<Path> files = Files.walk(target.resolve("patches"))) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (java.nio.file.NoSuchFileException e) {
            // the example has no patch files
        }
        return spec;
    }

    /**
     * Where a test writes its variant of an example's spec: {@code folder/cluster.yaml}, beside a copy
     * of the files the example's spec names (patch files, the manifests folder), so the variant
     * validates like the original.
     */
    public static Path specBesideItsFiles(String example, Path folder) throws IOException {
        for (String sub : java.util.List.of("patches", "manifests")) {
            Path source = spec(example).resolveSibling(sub);
            if (Files.isDirectory(source)) {
                try (Stream<Path> files = Files.list(source)) {
                    Files.createDirectories(folder.resolve(sub));
                    for (Path file : files.toList()) {
                        Files.copy(file, folder.resolve(sub).resolve(file.getFileName().toString()));
                    }
                }
            }
        }
        return folder.resolve("cluster.yaml");
    }

    public static Path reference() {
        String configured = System.getProperty("clusterspec.reference");
        return configured != null ? Path.of(configured) : root().resolve("../shared/reference").normalize();
    }
}
