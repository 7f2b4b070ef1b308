package dev.clusterspec.emit.talos;

import dev.clusterspec.plan.firewall.IngressRule;
import dev.clusterspec.yaml.Yaml;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Talos firewall documents of one emit, made once per rule list and written once per document.
 * Nodes that receive the same flows get the same rule list from the firewall plan, and at thousands
 * of nodes those documents (every node address as a source) were most of the work. Sharing the trees
 * is safe: nothing changes them, and the patcher copies what it patches, so a patched document is a
 * new object and is written on its own.
 */
final class FirewallDocumentCache {

    private final Map<List<IngressRule>, List<ObjectNode>> documents = Collections.synchronizedMap(new IdentityHashMap<>());
    private final Set<JsonNode> shared = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
    private final Map<JsonNode, String> written = Collections.synchronizedMap(new IdentityHashMap<>());

    /** The documents of these rules (the list the firewall plan gave, compared by identity). */
    List<ObjectNode> documents(List<IngressRule> rules) {
        return documents.computeIfAbsent(rules, r -> {
            List<ObjectNode> made = FirewallDocuments.render(r);
            shared.addAll(made);
            return made;
        });
    }

    /** A node's config as {@link Yaml#writeAll} writes it, each shared document's text made once. */
    String writeAll(List<ObjectNode> config) {
        StringBuilder out = new StringBuilder(4096);
        for (int i = 0; i < config.size(); i++) {
            if (i > 0) {
                out.append("---\n");
            }
            ObjectNode document = config.get(i);
            out.append(shared.contains(document) ? written.computeIfAbsent(document, Yaml::write) : Yaml.write(document));
        }
        return out.toString();
    }
}
