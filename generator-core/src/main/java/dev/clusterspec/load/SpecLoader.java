package dev.clusterspec.load;

import dev.clusterspec.load.Diagnostic.Severity;
import dev.clusterspec.spec.ClusterSpec;
import dev.clusterspec.yaml.YamlLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Reads {@code cluster.yaml}: YAML with limits, then the schema (all shape errors at once), then the
 * schema's defaults, then binding to the typed model. Semantic rules are the checker's job.
 */
public final class SpecLoader {

    private final YamlLimits limits;

    public SpecLoader() {
        this(SafeYamlReader.SPEC_LIMITS);
    }

    public SpecLoader(YamlLimits limits) {
        this.limits = limits;
    }

    public LoadedSpec load(Path file) {
        String name = file.toString();
        byte[] bytes = readBounded(file, name);
        SafeYamlReader.Document document;
        try {
            document = new SafeYamlReader(limits).read(name, bytes);
        } catch (SpecReadException e) {
            throw new SpecProblemsException(List.of(e.diagnostic()));
        }
        List<Diagnostic> shapeErrors = SpecSchema.get().validate(document.root(), document.sourceMap());
        if (!shapeErrors.isEmpty()) {
            throw new SpecProblemsException(shapeErrors);
        }
        JsonNode tree = document.root();
        new SchemaDefaults(SpecSchema.get().tree()).apply(tree);
        return new LoadedSpec(bind(tree, name), file, bytes, document.sourceMap());
    }

    private byte[] readBounded(Path file, String name) {
        try {
            long size = Files.size(file);
            if (size > limits.maxBytes()) {
                throw problem(name, "the file is " + size + " bytes; a cluster spec may be at most "
                        + limits.maxBytes() + " bytes. Is this the right file?");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw problem(name, "no such file; point cluster.spec at your cluster.yaml");
        } catch (IOException e) {
            throw problem(name, "cannot read the file: " + e.getMessage());
        }
    }

    private static ClusterSpec bind(JsonNode tree, String name) {
        try {
            return SpecBinder.bind(tree, ClusterSpec.class);
        } catch (IllegalArgumentException e) {
            // the schema accepted the tree, so this is a gap between schema and model: our bug
            throw new IllegalStateException("the spec passed the schema but could not be bound (" + name
                    + "); please report this: " + e.getMessage(), e);
        }
    }

    private static SpecProblemsException problem(String file, String message) {
        return new SpecProblemsException(List.of(new Diagnostic(Severity.ERROR, file, 1, 1, "", message)));
    }

}
