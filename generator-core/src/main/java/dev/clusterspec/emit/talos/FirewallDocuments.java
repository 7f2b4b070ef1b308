package dev.clusterspec.emit.talos;

import dev.clusterspec.plan.firewall.IngressRule;
import dev.clusterspec.spec.Cidr;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Talos ingress firewall of one node: {@code NetworkDefaultActionConfig} with {@code ingress: block}
 * and one {@code NetworkRuleConfig} per rule of the firewall plan's Talos layer
 * ({@code FirewallPlan.ingressRules(Layer.TALOS, node)}: the flows to the node merged per protocol and
 * port range). Block mode is the only safe one on 1.13: in accept mode Talos does not exempt
 * established connections, so a rule can drop replies to the node's own connections. Block mode
 * accepts established/related traffic, rate-limited ICMP and pod-to-pod traffic by itself; everything
 * else must be listed here.
 */
final class FirewallDocuments {

    private FirewallDocuments() {}

    static List<ObjectNode> render(List<IngressRule> rules) {
        List<ObjectNode> documents = new ArrayList<>();
        ObjectNode defaultAction = TalosDocuments.typed("NetworkDefaultActionConfig");
        defaultAction.put("ingress", "block");
        documents.add(defaultAction);
        Set<String> names = new HashSet<>();
        for (IngressRule rule : rules) {
            if (!names.add(rule.name())) {
                throw new IllegalStateException("two Talos firewall rules are named " + rule.name());
            }
            documents.add(rule(rule));
        }
        return documents;
    }

    private static ObjectNode rule(IngressRule rule) {
        requireExpressible(rule);
        ObjectNode document = TalosDocuments.typed("NetworkRuleConfig");
        document.put("name", rule.name());
        ObjectNode selector = document.putObject("portSelector");
        ArrayNode ports = selector.putArray("ports");
        if (rule.ports().isSingle()) {
            ports.add(rule.ports().from());
        } else {
            ports.add(rule.ports().from() + "-" + rule.ports().to());
        }
        selector.put("protocol", rule.protocol().id());
        ArrayNode ingress = document.putArray("ingress");
        for (Cidr source : rule.sources()) {
            ingress.addObject().put("subnet", source.toString());
        }
        return document;
    }

    /**
     * A NetworkRuleConfig needs TCP or UDP with numeric ports and at least one source subnet; ICMP
     * needs no rule (block mode lets it through, rate-limited) and "any protocol" has no form here.
     */
    private static void requireExpressible(IngressRule rule) {
        if (!rule.protocol().hasPorts() || rule.ports().isNamed() || rule.ports().isAll()) {
            throw new IllegalStateException("the firewall plan has a Talos rule " + rule.name() + " (" + rule.protocol().id()
                    + "/" + rule.ports() + ") that a NetworkRuleConfig cannot express");
        }
        if (rule.sources().isEmpty()) {
            throw new IllegalStateException("the firewall plan's Talos rule " + rule.name() + " has no source addresses");
        }
    }
}
