package dev.clusterspec.emit.hostnet;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The ingress rules of our OCI security list (the OCI CLI JSON we generate) as an nft chain on a host's
 * VCN interface: OCI filters what reaches a VNIC, statefully, before the instance sees it, so the
 * chain runs in prerouting after conntrack and before any NAT of the host. Egress is all allowed,
 * as in the list.
 */
final class OciSecurityListModel {

    private OciSecurityListModel() {}

    static String compile(JsonNode securityList, String vnicInterface) {
        List<String> rules = new ArrayList<>();
        for (JsonNode rule : securityList.path("ingressSecurityRules")) {
            String source = rule.path("source").asString();
            String l4 = switch (rule.path("protocol").asString()) {
                case "6" -> "meta l4proto tcp" + ports(rule.path("tcpOptions"));
                case "17" -> "meta l4proto udp" + ports(rule.path("udpOptions"));
                case "1" -> "meta l4proto icmp";
                case "all" -> "";
                default -> throw new IllegalArgumentException("protocol " + rule.path("protocol"));
            };
            rules.add("ip saddr " + source + " " + l4 + " accept");
        }
        StringBuilder out = new StringBuilder("table inet oci {\n    chain vnic_ingress {\n"
                + "        type filter hook prerouting priority -150; policy accept;\n"
                + "        iifname != \"" + vnicInterface + "\" accept\n"
                + "        ct state established,related accept\n");
        rules.forEach(r -> out.append("        ").append(r).append('\n'));
        return out.append("        counter drop comment \"not allowed by the security list\"\n    }\n}\n").toString();
    }

    private static String ports(JsonNode options) {
        JsonNode range = options.path("destinationPortRange");
        if (range.isMissingNode()) {
            return "";
        }
        int min = range.path("min").asInt();
        int max = range.path("max").asInt();
        return " th dport " + (min == max ? Integer.toString(min) : min + "-" + max);
    }
}
