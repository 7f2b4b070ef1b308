package dev.clusterspec.connectivity;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Turns a namespaced {@code cilium.io/v2} CiliumNetworkPolicy into one {@link PolicyModel} per rule
 * ({@code spec} and each item of {@code specs}).
 *
 * <p>Supported: {@code endpointSelector}; ingress {@code fromEndpoints}, {@code fromEntities},
 * {@code fromCIDR}, {@code fromCIDRSet}; egress {@code toEndpoints}, {@code toEntities},
 * {@code toCIDR}, {@code toCIDRSet}; {@code toPorts} with string ports, {@code endPort} and
 * protocols TCP/UDP/SCTP/ANY; {@code icmps} (which allow no TCP/UDP/SCTP);
 * {@code enableDefaultDeny}. Anything that would change the answer but is not modelled (deny
 * rules, FQDN, service, group, node or requirement peers, other entities) is an error rather than
 * a silently wrong result. L7 {@code rules} are ignored: they filter inside an allowed L4 port.
 *
 * <p>Cilium semantics kept: selectors are confined to the policy's namespace unless they name
 * {@code io.kubernetes.pod.namespace}; a rule with ports but no peers admits every peer, one with
 * neither admits none; a rule section (even an empty list) puts the selected pods into default deny.
 */
final class CiliumPolicyParser {
    private static final Set<String> INGRESS_FIELDS = Set.of(
            "fromEndpoints", "fromEntities", "fromCIDR", "fromCIDRSet", "toPorts", "icmps", "authentication");
    private static final Set<String> EGRESS_FIELDS = Set.of(
            "toEndpoints", "toEntities", "toCIDR", "toCIDRSet", "toPorts", "icmps", "authentication");
    private static final Set<String> RULE_FIELDS = Set.of(
            "endpointSelector", "ingress", "egress", "enableDefaultDeny", "description", "labels", "log");

    private final KubeObject policy;
    private final String namespace;

    private CiliumPolicyParser(KubeObject policy) {
        this.policy = policy;
        this.namespace = policy.namespace();
    }

    static List<PolicyModel> parse(KubeObject policy) {
        CiliumPolicyParser parser = new CiliumPolicyParser(policy);
        List<PolicyModel> models = new ArrayList<>();
        JsonNode body = policy.body();
        if (Json.present(body.get("spec"))) {
            models.add(parser.rule(body.get("spec"), "spec"));
        }
        List<JsonNode> specs = Json.list(body.path("specs"));
        for (int i = 0; i < specs.size(); i++) {
            models.add(parser.rule(specs.get(i), "specs[" + i + "]"));
        }
        if (models.isEmpty()) {
            throw policy.invalid("has neither spec nor specs");
        }
        return models;
    }

    private PolicyModel rule(JsonNode rule, String where) {
        for (String field : rule.propertyNames()) {
            if (!RULE_FIELDS.contains(field)) {
                throw unsupported(where + "." + field);
            }
        }
        if (!Json.present(rule.get("endpointSelector"))) {
            throw policy.invalid(where + " has no endpointSelector");
        }
        LabelSelector subjects = selector(rule.get("endpointSelector"), where + ".endpointSelector");
        JsonNode defaultDeny = rule.path("enableDefaultDeny");
        // a section that is present, even as an empty list, isolates (Cilium's documented default deny)
        boolean ingress = rule.has("ingress") && !Json.text(defaultDeny.path("ingress")).equals("false");
        boolean egress = rule.has("egress") && !Json.text(defaultDeny.path("egress")).equals("false");
        List<IpBlock> ingressBlocks = new ArrayList<>();
        List<IpBlock> egressBlocks = new ArrayList<>();
        List<PolicyRule> ingressRules = rules(Json.list(rule.path("ingress")), where + ".ingress", "from",
                INGRESS_FIELDS, ingressBlocks);
        List<PolicyRule> egressRules = rules(Json.list(rule.path("egress")), where + ".egress", "to",
                EGRESS_FIELDS, egressBlocks);
        return new PolicyModel(policy.describe(), new PeerSet.CiliumEndpoints(namespace, subjects),
                ingress, egress, ingressRules, egressRules, ingressBlocks, egressBlocks);
    }

    private List<PolicyRule> rules(List<JsonNode> items, String where, String prefix, Set<String> fields,
                                   List<IpBlock> blocks) {
        List<PolicyRule> rules = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String at = where + "[" + i + "]";
            JsonNode item = items.get(i);
            for (String field : item.propertyNames()) {
                if (!fields.contains(field)) {
                    throw unsupported(at + "." + field);
                }
            }
            List<PeerSet> peers = new ArrayList<>();
            boolean hasPeers = false;
            for (String kind : List.of("Endpoints", "Entities", "CIDR", "CIDRSet")) {
                JsonNode list = item.get(prefix + kind);
                if (list != null) {
                    hasPeers = true;
                    peers.addAll(peers(kind, Json.list(list), at + "." + prefix + kind, blocks));
                }
            }
            boolean hasPorts = Json.present(item.get("toPorts")) && !Json.list(item.get("toPorts")).isEmpty();
            RulePorts ports = hasPorts ? ports(Json.list(item.get("toPorts")), at + ".toPorts")
                    : Json.present(item.get("icmps")) ? RulePorts.NONE
                    : RulePorts.ALL;
            PeerSet peerSet;
            if (hasPeers) {
                peerSet = new PeerSet.Union(peers);
            } else if (hasPorts) {
                peerSet = new PeerSet.Any(); // L4-only rule: every peer on these ports
            } else {
                peerSet = new PeerSet.Union(List.of()); // '{}' selects no peer
            }
            rules.add(new PolicyRule(peerSet, ports));
        }
        return rules;
    }

    private List<PeerSet> peers(String kind, List<JsonNode> items, String where, List<IpBlock> blocks) {
        List<PeerSet> peers = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String at = where + "[" + i + "]";
            switch (kind) {
                case "Endpoints" -> {
                    LabelSelector sel = selector(item, at);
                    peers.add(new PeerSet.CiliumEndpoints(sel.mentions(Endpoint.CILIUM_NAMESPACE) ? null : namespace, sel));
                }
                case "Entities" -> peers.add(entity(Json.text(item), at));
                case "CIDR" -> peers.add(cidr(Json.text(item), List.of(), at, blocks));
                default -> peers.add(cidr(Json.text(item.path("cidr")),
                        Json.list(item.path("except")).stream().map(Json::text).toList(), at, blocks));
            }
        }
        return peers;
    }

    private PeerSet entity(String name, String where) {
        return switch (name) {
            case "all" -> new PeerSet.Any();
            case "world", "world-ipv4" -> new PeerSet.Entities(false, true, Set.of());
            case "cluster" -> new PeerSet.Entities(true, false, Set.copyOf(PseudoPeer.NODE_ENTITIES));
            case "host" -> new PeerSet.Entities(false, false, Set.of(PseudoPeer.HOST));
            case "remote-node" -> new PeerSet.Entities(false, false, Set.of(PseudoPeer.REMOTE_NODE));
            case "none", "world-ipv6" -> new PeerSet.Union(List.of());
            default -> throw policy.invalid(where + ": entity '" + name
                    + "' is not supported by the connectivity analyser (supported: all, world, cluster, host, remote-node, none)");
        };
    }

    private PeerSet cidr(String cidr, List<String> excepts, String where, List<IpBlock> blocks) {
        if (cidr.isEmpty()) {
            throw policy.invalid(where + " has no cidr");
        }
        try {
            IpBlock block = IpBlock.of(cidr, excepts);
            blocks.add(block);
            return new PeerSet.Ips(block);
        } catch (IllegalArgumentException e) {
            throw policy.invalid(where + ": " + e.getMessage());
        }
    }

    private RulePorts ports(List<JsonNode> toPorts, String where) {
        List<PortSpec> specs = new ArrayList<>();
        for (int i = 0; i < toPorts.size(); i++) {
            List<JsonNode> ports = Json.list(toPorts.get(i).path("ports"));
            if (ports.isEmpty()) {
                specs.add(PortSpec.numeric(EnumSet.allOf(Protocol.class), PortSet.ALL));
            }
            for (int p = 0; p < ports.size(); p++) {
                specs.add(port(ports.get(p), where + "[" + i + "].ports[" + p + "]"));
            }
        }
        return RulePorts.of(specs);
    }

    private PortSpec port(JsonNode item, String where) {
        String protocolText = Json.text(item.path("protocol"));
        Set<Protocol> protocols;
        if (protocolText.isEmpty() || protocolText.equals("ANY")) {
            protocols = EnumSet.allOf(Protocol.class);
        } else {
            protocols = EnumSet.of(Protocol.parse(protocolText).orElseThrow(() -> policy.invalid(
                    where + ": protocol '" + protocolText + "' is not TCP, UDP, SCTP or ANY")));
        }
        String port = Json.text(item.path("port"));
        if (port.isEmpty() || port.equals("0")) {
            return PortSpec.numeric(protocols, PortSet.ALL); // Cilium: port 0 means every port
        }
        if (!NetworkPolicyParser.isNumber(port)) {
            return PortSpec.named(protocols, port);
        }
        int first = Integer.parseInt(port);
        String endText = Json.text(item.path("endPort"));
        int last = endText.isEmpty() ? first : NetworkPolicyParser.isNumber(endText) ? Integer.parseInt(endText) : -1;
        if (last < first || last > PortSet.MAX_PORT) {
            throw policy.invalid(where + ": endPort " + endText + " must be a port not below port " + first);
        }
        return PortSpec.numeric(protocols, PortSet.range(first, last));
    }

    /** Cilium label keys may carry a source prefix; pods' labels come from Kubernetes ("k8s:"). */
    private LabelSelector selector(JsonNode node, String where) {
        return SelectorParser.parse(node, policy, where, SelectorParser.Rules.CILIUM).withKeys(CiliumPolicyParser::withoutSource);
    }

    static String withoutSource(String key) {
        for (String source : List.of("k8s:", "any:")) {
            if (key.startsWith(source)) {
                return key.substring(source.length());
            }
        }
        return key;
    }

    private ManifestReadException unsupported(String field) {
        return policy.invalid(field + " is not supported by the connectivity analyser");
    }
}
