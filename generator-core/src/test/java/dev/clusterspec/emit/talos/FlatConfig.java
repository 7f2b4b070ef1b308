package dev.clusterspec.emit.talos;

import dev.clusterspec.yaml.Yaml;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import dev.clusterspec.verify.TalosSchemaValidator;

/**
 * A multi-document Talos config flattened to {@code path -> value}: one entry per scalar and per
 * empty list or map, values in JSON form so that {@code true} and {@code "true"} differ. Paths
 * start with the document: {@code v1alpha1:} for the legacy document, {@code Kind:} or
 * {@code Kind/name:} for the others (name-keyed kinds may repeat), e.g.
 * {@code v1alpha1:cluster.network.podSubnets[0]} or {@code HostnameConfig:auto}.
 */
final class FlatConfig {

    private FlatConfig() {}

    static Map<String, String> of(String config) {
        Map<String, String> out = new TreeMap<>();
        List<JsonNode> documents = Yaml.readAll(config);
        for (JsonNode document : documents) {
            String kind = TalosSchemaValidator.kindOf(document).orElseThrow();
            String prefix = document.hasNonNull("name") && !kind.equals("v1alpha1") ? kind + "/" + document.get("name").asString() : kind;
            document.properties().forEach(e -> {
                if (!e.getKey().equals("apiVersion") && !e.getKey().equals("kind")) {
                    flatten(prefix + ":" + e.getKey(), e.getValue(), out);
                }
            });
        }
        return out;
    }

    private static void flatten(String path, JsonNode node, Map<String, String> out) {
        if (node.isObject() && !node.isEmpty()) {
            node.properties().forEach(e -> flatten(path + "." + e.getKey(), e.getValue(), out));
        } else if (node.isArray() && !node.isEmpty()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(path + "[" + i + "]", node.get(i), out);
            }
        } else {
            out.put(path, node.toString());
        }
    }
}
