package dev.clusterspec.load;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.keyword.KeywordType;
import com.networknt.schema.keyword.NonValidationKeyword;
import com.networknt.schema.path.NodePath;
import dev.clusterspec.load.Diagnostic.Severity;
import dev.clusterspec.yaml.JsonReader;
import dev.clusterspec.yaml.Position;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The published JSON Schema of {@code cluster.yaml} (Draft 2020-12): checks the shape of a spec
 * tree and turns the validator's findings into located diagnostics a person can act on.
 */
public final class SpecSchema {

    public static final String RESOURCE = "/clusterspec/schemas/cluster-spec.schema.json";
    private static final String DRAFT_2020_12_ID = "https://json-schema.org/draft/2020-12/schema";

    /**
     * Draft 2020-12 as the validator defines it, less its 20-odd formats: the schema uses none, and
     * setting them up (their classes, patterns and date parsers) took a validation in a new JVM ~15 ms.
     * {@code SpecSchemaTest} fails if the schema starts using one.
     */
    private static final Dialect DIALECT = Dialect.builder(DRAFT_2020_12_ID)
            .specificationVersion(SpecificationVersion.DRAFT_2020_12)
            .idKeyword("$id")
            .keywords(KeywordType.getKeywords(SpecificationVersion.DRAFT_2020_12))
            .keyword(new NonValidationKeyword("definitions"))
            .vocabularies(vocabularies -> {
                for (String vocabulary : List.of("core", "applicator", "unevaluated", "validation", "meta-data", "format-annotation", "content")) {
                    vocabularies.put("https://json-schema.org/draft/2020-12/vocab/" + vocabulary, true);
                }
            })
            .build();

    private static final SpecSchema INSTANCE = new SpecSchema();

    private final JsonNode schemaTree;
    private final Schema schema;

    private SpecSchema() {
        SchemaRegistry registry = SchemaRegistry.withDialect(DIALECT);
        try (InputStream in = SpecSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the bundled schema " + RESOURCE + " is missing from the classpath");
            }
            // read by our own reader: networknt's would build an object mapper, slow in a new JVM
            JsonNode tree = JsonReader.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            this.schema = registry.getSchema(SchemaLocation.of(tree.path("$id").asString()), tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.schema.initializeValidators();
        this.schemaTree = schema.getSchemaNode();
    }

    public static SpecSchema get() {
        return INSTANCE;
    }

    public JsonNode tree() {
        return schemaTree;
    }

    public List<Diagnostic> validate(JsonNode spec, SourceMap sourceMap) {
        List<Error> errors = schema.validate(spec);
        Set<String> seen = new LinkedHashSet<>();
        List<Diagnostic> out = new ArrayList<>();
        for (Error error : errors) {
            if (isNoiseBeside(error, errors)) {
                continue;
            }
            String pointer = pointer(error.getInstanceLocation());
            String message = SchemaMessages.describe(error, pointer);
            boolean atKey = "additionalProperties".equals(error.getKeyword());
            String target = atKey ? SourceMap.child(pointer, error.getProperty()) : pointer;
            Position at = atKey ? sourceMap.keyAt(target) : sourceMap.valueAt(target);
            if (seen.add(target + "\u0000" + message)) {
                out.add(new Diagnostic(Severity.ERROR, sourceMap.file(), at.line(), at.column(), target, message));
            }
        }
        out.sort(Comparator.comparingInt(Diagnostic::line).thenComparingInt(Diagnostic::column));
        return out;
    }

    /**
     * A failed {@code oneOf} is reported once, as itself: the branch errors under it would only say
     * which of the alternatives did not match.
     */
    private static boolean isNoiseBeside(Error error, List<Error> all) {
        if ("oneOf".equals(error.getKeyword())) {
            return false;
        }
        String evaluation = error.getEvaluationPath().toString();
        for (Error other : all) {
            if (other != error && "oneOf".equals(other.getKeyword())
                    && evaluation.startsWith(other.getEvaluationPath().toString())
                    && other.getInstanceLocation().equals(error.getInstanceLocation())) {
                return true;
            }
        }
        return false;
    }

    /** A schema error's place in the instance as a JSON pointer ({@code /spec/ports/0}), the form source maps use. */
    public static String pointer(NodePath path) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            Object element = path.getElement(i);
            sb.append('/').append(String.valueOf(element).replace("~", "~0").replace("/", "~1"));
        }
        return sb.toString();
    }

}
