package dev.clusterspec.connectivity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/** Lenient reads from manifest trees: absent or mistyped fields read as empty, never throw. */
final class Json {
    private Json() {
    }

    /** The scalar's text ({@code 8080}, {@code true} and {@code "x"} alike), or "" for anything else. */
    static String text(JsonNode node) {
        return node != null && node.isValueNode() && !node.isNull() ? node.asString() : "";
    }

    static List<JsonNode> list(JsonNode node) {
        List<JsonNode> out = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(out::add);
        }
        return out;
    }

    /** A string-to-string map such as {@code labels}; non-scalar values are dropped. */
    static Map<String, String> stringMap(JsonNode node) {
        Map<String, String> out = new TreeMap<>();
        if (node != null && node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                if (e.getValue().isValueNode() && !e.getValue().isNull()) {
                    out.put(e.getKey(), e.getValue().asString());
                }
            }
        }
        return out;
    }

    static boolean present(JsonNode node) {
        return node != null && !node.isNull() && !node.isMissingNode();
    }
}
