package dev.clusterspec.emit.talos;

import dev.clusterspec.plan.firewall.PortRange;
import dev.clusterspec.spec.Cidr;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Talos ingress firewall of one node: {@code NetworkDefaultActionConfig} with {@code ingress: block}
 * and one {@code NetworkRuleConfig} per rule. Block mode is the only safe one on 1.13: in accept mode
 * Talos does not exempt established connections, so a rule can drop replies to the node's own
 * connections. Block mode accepts established/related traffic, rate-limited ICMP and pod-to-pod
 * traffic by itself; everything else must be listed here.
 */
final class FirewallDocuments {

    private FirewallDocuments() {}

    static List<ObjectNode> render(List<TalosIngressRule> rules) {
        List<ObjectNode> documents = new ArrayList<>();
        ObjectNode defaultAction = TalosDocuments.typed("NetworkDefaultActionConfig");
        defaultAction.put("ingress", "block");
        documents.add(defaultAction);
        Set<String> names = new HashSet<>();
        for (TalosIngressRule rule : rules) {
            if (!names.add(rule.name())) {
                throw new IllegalStateException("two Talos firewall rules are named " + rule.name());
            }
            documents.add(rule(rule));
        }
        return documents;
    }

    private static ObjectNode rule(TalosIngressRule rule) {
        requireDisjoint(rule);
        ObjectNode document = TalosDocuments.typed("NetworkRuleConfig");
        document.put("name", rule.name());
        ObjectNode selector = document.putObject("portSelector");
        ArrayNode ports = selector.putArray("ports");
        for (PortRange range : rule.ports()) {
            if (range.from() == range.to()) {
                ports.add(range.from());
            } else {
                ports.add(range.from() + "-" + range.to());
            }
        }
        selector.put("protocol", rule.protocol().id());
        ArrayNode ingress = document.putArray("ingress");
        for (Cidr source : rule.sources()) {
            ingress.addObject().put("subnet", source.toString());
        }
        return document;
    }

    /** Talos rejects a rule whose port ranges overlap. */
    private static void requireDisjoint(TalosIngressRule rule) {
        List<PortRange> ranges = rule.ports();
        for (int i = 0; i < ranges.size(); i++) {
            for (int j = i + 1; j < ranges.size(); j++) {
                if (TalosIngressRule.overlap(ranges.get(i), ranges.get(j))) {
                    throw new IllegalStateException("Talos firewall rule " + rule.name() + " has overlapping ports "
                            + ranges.get(i) + " and " + ranges.get(j));
                }
            }
        }
    }
}
