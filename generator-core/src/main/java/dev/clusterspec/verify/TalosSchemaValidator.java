package dev.clusterspec.verify;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.clusterspec.yaml.Yaml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks Talos config documents against Talos's published {@code config.schema.json} of the target
 * version (Draft 2020-12). Each document is checked against the schema entry of its own kind rather
 * than the top-level {@code oneOf}, whose failures only say "matched none of 44 kinds".
 *
 * <p>The schema is documentation-grade: it rejects {@code persist}, which {@code gen config} still
 * writes, and it knows none of Talos's semantic checks. Our configs do not write {@code persist}, so
 * nothing is exempted here; a document that has it is reported like any other violation.
 */
public final class TalosSchemaValidator {

    /** The schema entry of the legacy document, which has {@code version} instead of {@code kind}. */
    static final String LEGACY_DEFINITION = "v1alpha1.Config";

    private final SchemaRegistry registry;
    private final String schemaId;
    private final Map<String, String> definitionByKind;
    private final Map<String, Schema> schemas = new HashMap<>();

    private TalosSchemaValidator(String schemaText) {
        JsonNode tree = JsonMapper.shared().readTree(schemaText);
        this.schemaId = tree.path("$id").asString();
        if (schemaId.isEmpty()) {
            throw new IllegalArgumentException("the Talos schema has no $id");
        }
        this.definitionByKind = kinds(tree);
        this.registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemas(Map.of(schemaId, schemaText)));
    }

    public static TalosSchemaValidator load(Path schemaFile) {
        try {
            return new TalosSchemaValidator(Files.readString(schemaFile, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Talos schema " + schemaFile, e);
        }
    }

    /** Problems of every document of a multi-document config, each naming its document; empty if valid. */
    public List<String> validate(String config) {
        List<String> problems = new ArrayList<>();
        List<JsonNode> documents = Yaml.readAll(config);
        for (int i = 0; i < documents.size(); i++) {
            JsonNode document = documents.get(i);
            String label = "document " + (i + 1) + " (" + kindOf(document).orElse("no kind") + ")";
            validate(document).forEach(p -> problems.add(label + ": " + p));
        }
        return problems;
    }

    /** Problems of one document as {@code /json/pointer: message}; empty if valid. */
    public List<String> validate(JsonNode document) {
        Optional<String> kind = kindOf(document);
        if (kind.isEmpty()) {
            return List.of("neither a v1alpha1 document (version: v1alpha1) nor a typed document (apiVersion, kind)");
        }
        String definition = definitionByKind.get(kind.get());
        if (definition == null) {
            return List.of("kind " + kind.get() + " is not a document kind of " + schemaId);
        }
        Schema schema = schemas.computeIfAbsent(definition,
                d -> registry.getSchema(SchemaLocation.of(schemaId + "#/$defs/" + d)));
        List<String> problems = new ArrayList<>();
        for (Error error : schema.validate(document)) {
            String at = error.getInstanceLocation().toString();
            problems.add((at.isEmpty() ? "/" : at) + ": " + error.getMessage());
        }
        return problems;
    }

    /** {@code kind}, or the pseudo-kind {@code v1alpha1} for the legacy document. */
    public static Optional<String> kindOf(JsonNode document) {
        if (document.hasNonNull("kind")) {
            return Optional.of(document.get("kind").asString());
        }
        if ("v1alpha1".equals(document.path("version").asString(null))) {
            return Optional.of("v1alpha1");
        }
        return Optional.empty();
    }

    /** Maps each document kind to its {@code $defs} entry, from the entries the top-level oneOf lists. */
    private static Map<String, String> kinds(JsonNode schema) {
        Map<String, String> out = new HashMap<>();
        for (JsonNode branch : schema.path("oneOf")) {
            String ref = branch.path("$ref").asString();
            String definition = ref.substring(ref.lastIndexOf('/') + 1);
            JsonNode kinds = schema.path("$defs").path(definition).path("properties").path("kind").path("enum");
            if (definition.equals(LEGACY_DEFINITION)) {
                out.put("v1alpha1", definition);
            }
            for (JsonNode kind : kinds) {
                out.put(kind.asString(), definition);
            }
        }
        if (!out.containsKey("v1alpha1")) {
            throw new IllegalArgumentException("the Talos schema has no " + LEGACY_DEFINITION + " document");
        }
        return out;
    }
}
