package dev.clusterspec.emit.hostnet;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A node's Talos ingress firewall as an nft ruleset, compiled from its NetworkDefaultActionConfig and
 * NetworkRuleConfig documents the way Talos v1.13 compiles them (siderolabs/talos
 * {@code internal/app/machined/pkg/controllers/network/nftables_chain_config.go}, rules built by
 * {@code internal/app/machined/pkg/adapters/network/nftables_rule.go}): table {@code inet talos}, an
 * {@code ingress} chain on the input hook at priority mangle+10 (policy drop in block mode: loopback,
 * established and ICMP accepted, pod and service ranges to each other, host DNS, then one accept per
 * rule) and a {@code prerouting} chain at dstnat-10 that drops new TCP/UDP connections to the node's
 * own addresses unless a rule opens their port. Only block mode is modelled; it is the one we write.
 *
 * <p>{@code datapathExemptions} stands in for Cilium: its eBPF programs serve LoadBalancer IPs before
 * netfilter sees the packets (Talos's docs warn that KPR traffic bypasses this firewall), so those
 * destinations are accepted first.
 */
final class TalosFirewallModel {

    private TalosFirewallModel() {}

    static String compile(List<JsonNode> documents, List<String> nodeAddresses, List<String> datapathExemptions) {
        JsonNode v1alpha1 = documents.stream().filter(d -> !d.has("kind")).findFirst().orElseThrow();
        boolean block = documents.stream().anyMatch(d -> "NetworkDefaultActionConfig".equals(d.path("kind").asString())
                && "block".equals(d.path("ingress").asString()));
        if (!block) {
            throw new IllegalArgumentException("only ingress: block is modelled");
        }
        List<String> cluster = new ArrayList<>();
        v1alpha1.path("cluster").path("network").path("podSubnets").forEach(n -> cluster.add(n.asString()));
        v1alpha1.path("cluster").path("network").path("serviceSubnets").forEach(n -> cluster.add(n.asString()));
        boolean hostDns = v1alpha1.path("machine").path("features").path("hostDNS").path("forwardKubeDNSToHost").asBoolean(false);

        List<String> ingress = new ArrayList<>();
        List<String> prerouting = new ArrayList<>();
        ingress.add("iifname { \"lo\", \"siderolink\", \"kubespan\" } accept");
        for (String exempt : datapathExemptions) {
            ingress.add("ip daddr " + exempt + " accept comment \"Cilium's datapath, before netfilter\"");
        }
        ingress.add("ct state { established, related } accept");
        ingress.add("ct state invalid drop");
        ingress.add("meta l4proto icmp icmp type { timestamp-request, timestamp-reply, address-mask-request, address-mask-reply } drop");
        ingress.add("meta l4proto icmp limit rate 5/second burst 5 packets accept");
        String clusterSet = "{ " + String.join(", ", cluster) + " }";
        if (hostDns) {
            ingress.add("meta l4proto udp ip saddr " + clusterSet + " ip daddr 169.254.116.108 th dport 53 accept");
            ingress.add("meta l4proto tcp ip saddr " + clusterSet + " ip daddr 169.254.116.108 th dport 53 accept");
        }
        ingress.add("ip saddr " + clusterSet + " ip daddr " + clusterSet + " accept");

        prerouting.add("iifname { \"lo\", \"siderolink\", \"kubespan\" } accept");
        prerouting.add("ip daddr != { " + String.join(", ", nodeAddresses) + " } accept");
        for (JsonNode rule : documents) {
            if (!"NetworkRuleConfig".equals(rule.path("kind").asString())) {
                continue;
            }
            String match = match(rule);
            ingress.add(match + " accept comment \"" + rule.path("name").asString() + "\"");
            prerouting.add("ct state new " + match + " accept");
        }
        prerouting.add("ct state new meta l4proto tcp drop");
        prerouting.add("ct state new meta l4proto udp drop");

        return "table inet talos {\n"
                + "    chain ingress {\n        type filter hook input priority -140; policy drop;\n"
                + lines(ingress) + "        counter comment \"dropped by the Talos ingress firewall\"\n    }\n"
                + "    chain prerouting {\n        type filter hook prerouting priority -110; policy accept;\n"
                + lines(prerouting) + "    }\n}\n";
    }

    private static String match(JsonNode rule) {
        String protocol = rule.path("portSelector").path("protocol").asString();
        List<String> sources = new ArrayList<>();
        List<String> excepts = new ArrayList<>();
        for (JsonNode from : rule.path("ingress")) {
            sources.add(from.path("subnet").asString());
            if (from.has("except")) {
                excepts.add(from.path("except").asString());
            }
        }
        StringBuilder match = new StringBuilder("meta l4proto " + protocol + " ip saddr { " + String.join(", ", sources) + " }");
        if (!excepts.isEmpty()) {
            match.append(" ip saddr != { ").append(String.join(", ", excepts)).append(" }");
        }
        List<String> ports = new ArrayList<>();
        rule.path("portSelector").path("ports").forEach(p -> ports.add(p.isNumber() ? Integer.toString(p.asInt()) : p.asString()));
        if (!ports.isEmpty() && !protocol.startsWith("icmp")) {
            match.append(" th dport { ").append(String.join(", ", ports)).append(" }");
        }
        return match.toString();
    }

    private static String lines(List<String> rules) {
        StringBuilder out = new StringBuilder();
        rules.forEach(r -> out.append("        ").append(r).append('\n'));
        return out.toString();
    }
}
