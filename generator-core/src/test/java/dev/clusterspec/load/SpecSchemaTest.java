package dev.clusterspec.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The schema is checked with Draft 2020-12 less its formats ({@link SpecSchema}): that holds while it uses none. */
class SpecSchemaTest {

    @Test
    void theSchemaUsesNoFormat() {
        List<String> formats = new ArrayList<>();
        collectFormats(SpecSchema.get().tree(), "", formats);
        assertThat(formats).as("a 'format' needs the validator's formats back in SpecSchema's dialect").isEmpty();
    }

    /** A {@code format} keyword is a string; a property that happens to be named format is a schema object. */
    private static void collectFormats(JsonNode node, String pointer, List<String> out) {
        if (node.isObject()) {
            if (node.path("format").isString()) {
                out.add(pointer + "/format");
            }
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                collectFormats(field.getValue(), pointer + "/" + field.getKey(), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectFormats(node.get(i), pointer + "/" + i, out);
            }
        }
    }
}
