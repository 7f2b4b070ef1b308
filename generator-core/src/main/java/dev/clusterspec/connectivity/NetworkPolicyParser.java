package dev.clusterspec.connectivity;

import static dev.clusterspec.connectivity.SelectorParser.Rules.KUBERNETES;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Turns a {@code networking.k8s.io/v1} NetworkPolicy into a {@link PolicyModel}. */
final class NetworkPolicyParser {
    private final KubeObject policy;
    private final String namespace;

    private NetworkPolicyParser(KubeObject policy) {
        this.policy = policy;
        this.namespace = policy.namespace();
    }

    static PolicyModel parse(KubeObject policy) {
        return new NetworkPolicyParser(policy).model();
    }

    private PolicyModel model() {
        JsonNode spec = policy.body().path("spec");
        LabelSelector podSelector = SelectorParser.parse(spec.get("podSelector"), policy, "podSelector", KUBERNETES);
        List<JsonNode> ingressItems = Json.list(spec.path("ingress"));
        List<JsonNode> egressItems = Json.list(spec.path("egress"));
        boolean ingress;
        boolean egress;
        List<JsonNode> types = Json.list(spec.path("policyTypes"));
        if (types.isEmpty()) {
            // the API server's defaulting: Ingress always, Egress when there are egress rules
            ingress = true;
            egress = !egressItems.isEmpty();
        } else {
            ingress = false;
            egress = false;
            for (JsonNode t : types) {
                switch (Json.text(t)) {
                    case "Ingress" -> ingress = true;
                    case "Egress" -> egress = true;
                    default -> throw policy.invalid("policyTypes item '" + Json.text(t) + "' is not Ingress or Egress");
                }
            }
        }
        List<IpBlock> ingressBlocks = new ArrayList<>();
        List<IpBlock> egressBlocks = new ArrayList<>();
        List<PolicyRule> ingressRules = rules(ingressItems, "from", "ingress", ingressBlocks);
        List<PolicyRule> egressRules = rules(egressItems, "to", "egress", egressBlocks);
        return new PolicyModel(policy.describe(), new PeerSet.Pods(namespace, null, podSelector),
                ingress, egress, ingress ? ingressRules : List.of(), egress ? egressRules : List.of(),
                ingressBlocks, egressBlocks);
    }

    private List<PolicyRule> rules(List<JsonNode> items, String peersField, String direction, List<IpBlock> blocks) {
        List<PolicyRule> rules = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String where = direction + "[" + i + "]";
            JsonNode item = items.get(i);
            List<JsonNode> peers = Json.list(item.path(peersField));
            PeerSet peerSet;
            if (peers.isEmpty()) {
                peerSet = new PeerSet.Any();
            } else {
                List<PeerSet> parts = new ArrayList<>();
                for (int p = 0; p < peers.size(); p++) {
                    parts.add(peer(peers.get(p), where + "." + peersField + "[" + p + "]", blocks));
                }
                peerSet = parts.size() == 1 ? parts.get(0) : new PeerSet.Union(parts);
            }
            rules.add(new PolicyRule(peerSet, ports(Json.list(item.path("ports")), where)));
        }
        return rules;
    }

    private PeerSet peer(JsonNode peer, String where, List<IpBlock> blocks) {
        JsonNode ipBlock = peer.get("ipBlock");
        JsonNode podSelector = peer.get("podSelector");
        JsonNode namespaceSelector = peer.get("namespaceSelector");
        boolean selectors = Json.present(podSelector) || Json.present(namespaceSelector);
        if (Json.present(ipBlock)) {
            if (selectors) {
                throw policy.invalid(where + ": ipBlock cannot be combined with podSelector or namespaceSelector");
            }
            IpBlock block = ipBlock(ipBlock, where);
            blocks.add(block);
            return new PeerSet.Ips(block);
        }
        if (!selectors) {
            throw policy.invalid(where + ": a peer needs podSelector, namespaceSelector or ipBlock");
        }
        LabelSelector pods = SelectorParser.parse(podSelector, policy, where + ".podSelector", KUBERNETES);
        if (!Json.present(namespaceSelector)) {
            return new PeerSet.Pods(namespace, null, pods);
        }
        return new PeerSet.Pods(null, SelectorParser.parse(namespaceSelector, policy, where + ".namespaceSelector", KUBERNETES), pods);
    }

    private IpBlock ipBlock(JsonNode node, String where) {
        String cidr = Json.text(node.path("cidr"));
        if (cidr.isEmpty()) {
            throw policy.invalid(where + ".ipBlock has no cidr");
        }
        List<String> excepts = Json.list(node.path("except")).stream().map(Json::text).toList();
        try {
            return IpBlock.of(cidr, excepts);
        } catch (IllegalArgumentException e) {
            throw policy.invalid(where + ".ipBlock: " + e.getMessage());
        }
    }

    private RulePorts ports(List<JsonNode> items, String where) {
        List<PortSpec> specs = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            specs.add(port(items.get(i), where + ".ports[" + i + "]"));
        }
        return RulePorts.of(specs);
    }

    private PortSpec port(JsonNode item, String where) {
        String protocolText = Json.text(item.path("protocol"));
        Protocol protocol = protocolText.isEmpty() ? Protocol.TCP : Protocol.parse(protocolText)
                .orElseThrow(() -> policy.invalid(where + ": protocol '" + protocolText + "' is not TCP, UDP or SCTP"));
        Set<Protocol> protocols = EnumSet.of(protocol);
        String port = Json.text(item.path("port"));
        String endText = Json.text(item.path("endPort"));
        if (port.isEmpty()) {
            if (!endText.isEmpty()) {
                throw policy.invalid(where + ": endPort " + endText + " needs a port to start the range at");
            }
            return PortSpec.numeric(protocols, PortSet.ALL);
        }
        if (!isNumber(port)) {
            // the API server takes a range only between numbers: a name resolves to one port per pod
            if (!endText.isEmpty()) {
                throw policy.invalid(where + ": endPort " + endText + " cannot be used with the named port '" + port
                        + "'; use a numeric port, or drop endPort");
            }
            KubernetesNames.portNameProblem(port).ifPresent(p -> {
                throw policy.invalid(where + ": " + p);
            });
            return PortSpec.named(protocols, port);
        }
        int first = Integer.parseInt(port);
        int last = first;
        if (!endText.isEmpty()) {
            if (!isNumber(endText) || Integer.parseInt(endText) < first) {
                throw policy.invalid(where + ": endPort " + endText + " must be a number not below port " + first);
            }
            last = Integer.parseInt(endText);
        }
        if (first < PortSet.MIN_PORT || last > PortSet.MAX_PORT) {
            throw policy.invalid(where + ": ports must be within 1-65535");
        }
        return PortSpec.numeric(protocols, PortSet.range(first, last));
    }

    static boolean isNumber(String text) {
        return !text.isEmpty() && text.length() <= 9 && text.chars().allMatch(Character::isDigit);
    }
}
