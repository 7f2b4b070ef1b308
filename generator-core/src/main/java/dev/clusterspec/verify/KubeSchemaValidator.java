package dev.clusterspec.verify;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.clusterspec.load.SpecSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import dev.clusterspec.emit.manifests.KubeDocuments;

/**
 * Checks Kubernetes objects against JSON schemas laid out the way kubeconform reads them: built-in
 * kinds from a strict standalone folder ({@code <kind>[-<group>]-<version>.json}, unknown fields
 * fail), custom resources from a CRD catalog folder ({@code <group>/<kind>_<version>.json}).
 * Every object must find a schema: an object no schema covers is reported, not skipped. The one
 * exception is CustomResourceDefinition, which has no standalone schema anywhere; callers decide
 * how to vouch for those (the mirrored CRDs are checked by sha256 against their upstream pin).
 */
public final class KubeSchemaValidator {

    private final Path builtinFolder;
    private final Path crdFolder;
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);
    private final Map<Path, Schema> schemas = new ConcurrentHashMap<>();

    /**
     * @param builtinFolder e.g. {@code k8s-schemas/v1.31.14-standalone-strict}
     * @param crdFolder     e.g. {@code k8s-schemas/crds}
     */
    public KubeSchemaValidator(Path builtinFolder, Path crdFolder) {
        this.builtinFolder = builtinFolder;
        this.crdFolder = crdFolder;
    }

    public static boolean isCustomResourceDefinition(JsonNode object) {
        return "CustomResourceDefinition".equals(object.path("kind").asString())
                && object.path("apiVersion").asString().startsWith("apiextensions.k8s.io/");
    }

    /**
     * Whether the object's kind comes from a CRD: its API group has a dot and is not one of
     * Kubernetes' own ({@code *.k8s.io}), or it is a CRD itself. Kubernetes' own kinds are all in the
     * standalone folder, so a missing schema there means a wrong apiVersion or kind; a custom kind's
     * schema is there only if someone put it there.
     */
    public static boolean isCustomKind(JsonNode object) {
        String group = group(object);
        return isCustomResourceDefinition(object) || (group.contains(".") && !group.endsWith(".k8s.io"));
    }

    /** One schema violation: where in the object (a JSON pointer) and what. */
    public record Violation(String pointer, String message) {}

    /**
     * The violations of one object; empty when it is valid, and empty (not checked) when no schema
     * covers it: see {@link #schemaFileIfAny}.
     */
    public List<Violation> violations(JsonNode object) {
        Optional<Path> schemaFile = schemaFileIfAny(object);
        if (schemaFile.isEmpty()) {
            return List.of();
        }
        List<Violation> out = new ArrayList<>();
        for (Error error : schema(schemaFile.get()).validate(object)) {
            out.add(new Violation(SpecSchema.pointer(error.getInstanceLocation()), error.getMessage()));
        }
        return out;
    }

    /** The schema file that covers the object; empty for a CRD or when the folder has none for its kind. */
    public Optional<Path> schemaFileIfAny(JsonNode object) {
        if (isCustomResourceDefinition(object)) {
            return Optional.empty();
        }
        Path file = schemaFile(object);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /** The problems of one object, each naming the object and the location in it; empty when it is valid. */
    public List<String> validate(JsonNode object) {
        String id = KubeDocuments.id(object);
        if (isCustomResourceDefinition(object)) {
            return List.of(id + ": no schema exists for CustomResourceDefinition objects");
        }
        Path schemaFile = schemaFile(object);
        if (!Files.isRegularFile(schemaFile)) {
            return List.of(id + ": no schema for " + object.path("apiVersion").asString() + " " + object.path("kind").asString()
                    + " (looked for " + schemaFile.getFileName() + ")");
        }
        List<String> problems = new ArrayList<>();
        for (Error error : schema(schemaFile).validate(object)) {
            problems.add(id + ": " + error.getInstanceLocation() + ": " + error.getMessage());
        }
        return problems;
    }

    private static String group(JsonNode object) {
        String apiVersion = object.path("apiVersion").asString("");
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    Path schemaFile(JsonNode object) {
        String apiVersion = object.path("apiVersion").asString();
        String kind = object.path("kind").asString().toLowerCase(Locale.ROOT);
        int slash = apiVersion.indexOf('/');
        String group = slash < 0 ? "" : apiVersion.substring(0, slash);
        String version = apiVersion.substring(slash + 1);
        if (group.isEmpty()) {
            return builtinFolder.resolve(kind + "-" + version + ".json");
        }
        if (group.contains(".") && !group.endsWith(".k8s.io")) {
            return crdFolder.resolve(group).resolve(kind + "_" + version + ".json");
        }
        String shortGroup = group.substring(0, group.indexOf('.') < 0 ? group.length() : group.indexOf('.'));
        return builtinFolder.resolve(kind + "-" + shortGroup + "-" + version + ".json");
    }

    private Schema schema(Path file) {
        return schemas.computeIfAbsent(file, f -> {
            try {
                JsonNode tree = JsonMapper.shared().readTree(Files.readAllBytes(f));
                // the files name a meta-schema URI the validator does not know; they are draft-04 schemas
                if (tree instanceof ObjectNode object) {
                    object.remove("$schema");
                }
                Schema schema = registry.getSchema(tree);
                schema.initializeValidators();
                return schema;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read schema " + f, e);
            }
        });
    }
}
