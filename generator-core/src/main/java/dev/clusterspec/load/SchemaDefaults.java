package dev.clusterspec.load;

import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Fills in the defaults written in the schema, so that the schema is the one place a default is
 * stated: the Java model never repeats them. Runs on a tree the schema has accepted.
 */
final class SchemaDefaults {

    private final JsonNode schemaRoot;

    SchemaDefaults(JsonNode schemaRoot) {
        this.schemaRoot = schemaRoot;
    }

    void apply(JsonNode instance) {
        apply(schemaRoot, instance);
    }

    private void apply(JsonNode schema, JsonNode instance) {
        schema = resolve(schema);
        if (instance.isObject()) {
            ObjectNode object = (ObjectNode) instance;
            JsonNode properties = schema.get("properties");
            if (properties != null) {
                for (Map.Entry<String, JsonNode> property : properties.properties()) {
                    JsonNode propertySchema = resolve(property.getValue());
                    if (!object.has(property.getKey()) && propertySchema.has("default")) {
                        object.set(property.getKey(), propertySchema.get("default").deepCopy());
                    }
                    if (object.has(property.getKey())) {
                        apply(propertySchema, object.get(property.getKey()));
                    }
                }
            }
            JsonNode alternatives = schema.get("oneOf");
            if (alternatives != null) {
                for (JsonNode alternative : alternatives) {
                    if ("object".equals(resolve(alternative).path("type").asString(""))) {
                        apply(alternative, instance);
                    }
                }
            }
        } else if (instance.isArray() && schema.has("items")) {
            for (JsonNode element : instance) {
                apply(schema.get("items"), element);
            }
        }
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode ref = schema.get("$ref");
        if (ref == null) {
            return schema;
        }
        JsonNode target = schemaRoot.at(ref.asString().substring(1));
        // a $ref beside a default: the sibling's default wins, the target gives the rest
        if (schema.has("default") && !target.has("default")) {
            ObjectNode merged = ((ObjectNode) target).deepCopy();
            merged.set("default", schema.get("default"));
            return merged;
        }
        return target;
    }
}
