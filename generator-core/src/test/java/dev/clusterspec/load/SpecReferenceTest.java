package dev.clusterspec.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterspec.Examples;
import dev.clusterspec.Golden;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The README's spec reference, docs/spec-reference.md, is rendered from the schema: this test fails
 * when the two drift ({@code -Dclusterspec.updateGolden=true} rewrites it), and when a field of the
 * schema has no description.
 */
class SpecReferenceTest {

    private static final Path DOC = Examples.root().resolve("docs/spec-reference.md");

    private record Field(String path, String type, String defaultValue, String description) {}

    @Test
    void theSpecReferenceIsRenderedFromTheSchema() {
        Golden.assertFile(DOC, render(fields()));
    }

    @Test
    void everyFieldSaysWhatItIs() {
        assertThat(fields()).filteredOn(f -> f.description().isEmpty()).extracting(Field::path).isEmpty();
    }

    private static List<Field> fields() {
        List<Field> out = new ArrayList<>();
        walk(SpecSchema.get().tree(), "", out);
        return out;
    }

    private static void walk(JsonNode schema, String path, List<Field> out) {
        JsonNode properties = resolve(schema).get("properties");
        if (properties == null) {
            return;
        }
        for (Map.Entry<String, JsonNode> p : properties.properties()) {
            JsonNode own = p.getValue();
            JsonNode target = resolve(own);
            String field = path + (path.isEmpty() ? "" : ".") + p.getKey();
            String description = own.path("description").asString(target.path("description").asString(""));
            JsonNode dflt = own.has("default") ? own.get("default") : target.get("default");
            out.add(new Field(field, type(target), dflt == null ? "" : dflt.toString(), description));
            walk(target, field, out);
            JsonNode items = target.get("items");
            if (items != null) {
                walk(items, field + "[]", out);
                for (JsonNode alternative : items.path("oneOf")) {
                    walk(alternative, field + "[]", out);
                }
            }
        }
    }

    private static JsonNode resolve(JsonNode schema) {
        JsonNode ref = schema.get("$ref");
        return ref == null ? schema : SpecSchema.get().tree().at(ref.asString().substring(1));
    }

    private static String type(JsonNode schema) {
        if (schema.has("enum")) {
            List<String> values = new ArrayList<>();
            schema.get("enum").forEach(v -> values.add(v.asString()));
            return String.join(" \\| ", values);
        }
        if (schema.has("const")) {
            return schema.get("const").asString();
        }
        if (schema.has("pattern") && schema.path("pattern").asString().contains("\\$\\{")) {
            return "secret reference";
        }
        if (schema.path("items").has("oneOf")) {
            // alternatives have no single type: the items' title names them
            return "list of " + schema.path("items").path("title").asString("alternatives");
        }
        String type = schema.path("type").asString("");
        return type.equals("array") ? "list of " + type(resolve(schema.get("items"))) : type;
    }

    private static String render(List<Field> fields) {
        StringBuilder md = new StringBuilder();
        md.append("# cluster.yaml reference\n\n");
        md.append("Rendered from `schemas/cluster-spec.schema.json` (a test keeps the two equal). Secret references are\n");
        md.append("`${env:NAME}` or `${file:path}` (relative to `cluster.yaml`); the value is never written in the spec.\n\n");
        md.append("| field | type | default | description |\n|---|---|---|---|\n");
        for (Field f : fields) {
            md.append("| `").append(f.path()).append("` | ").append(f.type()).append(" | ")
                    .append(f.defaultValue().isEmpty() ? "" : "`" + f.defaultValue() + "`").append(" | ")
                    .append(f.description().replace("|", "\\|")).append(" |\n");
        }
        return md.toString();
    }
}
