package dev.clusterspec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Locates the bundled example projects and the shared reference data from tests. */
public final class Examples {

    private Examples() {}

    public static Path root() {
        String configured = System.getProperty("clusterspec.root");
        Path root = configured != null ? Path.of(configured) : Path.of("..").toAbsolutePath().normalize();
        if (!Files.isDirectory(root.resolve("examples"))) {
            root = Path.of("").toAbsolutePath().getParent();
        }
        return root;
    }

    public static Path spec(String example) {
        return root().resolve("examples").resolve(example).resolve("cluster.yaml");
    }

    /** Copies an example project (without its build output) into {@code target}; returns the copy's spec. */
    public static Path copy(String example, Path target) throws IOException {
        Path folder = spec(example).getParent();
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path source : all.filter(Files::isRegularFile).filter(p -> !folder.relativize(p).startsWith("target")).toList()) {
                Path copy = target.resolve(folder.relativize(source).toString());
                Files.createDirectories(copy.getParent());
                Files.copy(source, copy);
            }
        }
        return target.resolve("cluster.yaml");
    }

    public static Path reference() {
        String configured = System.getProperty("clusterspec.reference");
        return configured != null ? Path.of(configured) : root().resolve("../shared/reference").normalize();
    }
}
