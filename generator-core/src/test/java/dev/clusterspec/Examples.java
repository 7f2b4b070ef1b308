package dev.clusterspec;

import java.nio.file.Files;
import java.nio.file.Path;

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

    public static Path reference() {
        String configured = System.getProperty("clusterspec.reference");
        return configured != null ? Path.of(configured) : root().resolve("../shared/reference").normalize();
    }
}
