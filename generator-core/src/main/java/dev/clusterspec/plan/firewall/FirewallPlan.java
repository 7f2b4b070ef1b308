package dev.clusterspec.plan.firewall;

import dev.clusterspec.plan.ClusterPlan;
import dev.clusterspec.spec.Cidr;
import dev.clusterspec.spec.Node;
import dev.clusterspec.spec.Proxmox.Host;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import dev.clusterspec.plan.Ports;

/**
 * Every allowed flow of every firewall layer, derived once from the plan. Each layer's emitter renders
 * {@link #flows(Layer)}; the report prints the same flows as one matrix per layer. Anything not listed
 * is denied at that layer.
 */
public final class FirewallPlan {

    private final ClusterPlan cluster;
    private final List<Flow> flows;
    private final Optional<Host> gatewayHost;
    private final List<String> warnings;
    private final List<DefaultDeny> defaultDenies;
    /** Each source's blocks, computed once: every node's rules name the same node groups. */
    private final Map<Endpoint, List<Cidr>> sourceBlocks = new IdentityHashMap<>();
    private final Map<FlowSet, List<IngressRule>> ingressRulesByFlows = new ConcurrentHashMap<>();

    private FirewallPlan(ClusterPlan cluster, List<Flow> flows) {
        this.cluster = cluster;
        this.flows = List.copyOf(flows);
        this.gatewayHost = gatewayHostOf(cluster);
        this.warnings = warnings(cluster, gatewayHost);
        this.defaultDenies = PolicyLayer.defaultDenies(cluster);
    }

    public static FirewallPlan of(ClusterPlan plan) {
        Peers peers = new Peers(plan);
        List<Flow> flows = new ArrayList<>();
        flows.addAll(OciLayer.derive(peers));
        flows.addAll(ProxmoxLayer.derive(peers));
        flows.addAll(HostNatLayer.derive(peers));
        flows.addAll(NodePortTable.derive(peers, Layer.TALOS));
        flows.addAll(PolicyLayer.derive(peers));
        return new FirewallPlan(plan, flows);
    }

    public ClusterPlan cluster() {
        return cluster;
    }

    /** All flows, grouped by layer in {@link Layer} order, each layer in derivation order. */
    public List<Flow> flows() {
        return flows;
    }

    public List<Flow> flows(Layer layer) {
        return flows.stream().filter(f -> f.layer() == layer).toList();
    }

    /**
     * The flows of {@code layer} whose destination includes {@code node} (a node group the node belongs to):
     * what the node's Talos firewall (or VM firewall) must accept.
     */
    public List<Flow> flowsTo(Layer layer, Node node) {
        return flows(layer).stream()
                .filter(f -> f.destination() instanceof Endpoint.Nodes nodes && nodes.includes(node))
                .toList();
    }

    /**
     * {@link #flowsTo} merged per protocol and port range, in first-flow order: sources as CIDRs without
     * repeats and without blocks another source covers. What the Talos NetworkRuleConfig documents are
     * rendered from ({@code ingressRules(Layer.TALOS, node)}).
     */
    public List<IngressRule> ingressRules(Layer layer, Node node) {
        // nodes that receive the same flows get the same rules: merging every node's address per node
        // would make a 3,000-node plan quadratic, so the rules are made once per distinct set of flows
        List<Flow> all = flows(layer);
        BitSet received = new BitSet(all.size());
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).destination() instanceof Endpoint.Nodes nodes && nodes.includes(node)) {
                received.set(i);
            }
        }
        return ingressRulesByFlows.computeIfAbsent(new FlowSet(layer, received),
                key -> mergedIngressRules(key.flows().stream().mapToObj(all::get).toList()));
    }

    private List<Cidr> sourceBlocks(Endpoint source) {
        synchronized (sourceBlocks) {
            return sourceBlocks.computeIfAbsent(source, Endpoint::cidrs);
        }
    }

    /** The flows of one layer a node receives, by their indexes in that layer's list. */
    private record FlowSet(Layer layer, BitSet flows) {}

    private List<IngressRule> mergedIngressRules(List<Flow> flowsToNode) {
        Map<String, List<Flow>> byPort = new LinkedHashMap<>();
        for (Flow flow : flowsToNode) {
            byPort.computeIfAbsent(flow.service(), k -> new ArrayList<>()).add(flow);
        }
        List<IngressRule> rules = new ArrayList<>();
        int apiServer = cluster.spec().controlPlane().port();
        for (List<Flow> group : byPort.values()) {
            Flow first = group.get(0);
            Set<Cidr> sources = new LinkedHashSet<>();
            Set<String> reasons = new LinkedHashSet<>();
            for (Flow flow : group) {
                sources.addAll(sourceBlocks(flow.source()));
                reasons.add(flow.reason());
            }
            rules.add(new IngressRule(PortNames.of(first.protocol(), first.ports(), apiServer), first.protocol(), first.ports(),
                    Cidr.merge(sources), List.copyOf(reasons)));
        }
        return List.copyOf(rules);
    }

    /** Every namespace clusterspec creates, with the default deny the network-policy layer starts from there. */
    public List<DefaultDeny> defaultDenies() {
        return defaultDenies;
    }

    /** Number of flows per layer (every layer present, possibly 0). */
    public Map<Layer, Integer> counts() {
        Map<Layer, Integer> counts = new EnumMap<>(Layer.class);
        for (Layer layer : Layer.values()) {
            counts.put(layer, flows(layer).size());
        }
        return counts;
    }

    /**
     * The Proxmox host whose bridge address is the VMs' default gateway (nested topology): it forwards
     * and masquerades the VMs' egress, and replies of DNATed public traffic return through it.
     */
    public Optional<Host> gatewayHost() {
        return gatewayHost;
    }

    /**
     * What the spec allows but the layers cannot make work on their own; for the user, not errors.
     * Replies to DNATed public traffic must pass the host that DNATed it (conntrack undoes the NAT
     * there), and the VMs send them to their gateway: so the ingress host must be the gateway.
     */
    public List<String> warnings() {
        return warnings;
    }

    private static List<String> warnings(ClusterPlan plan, Optional<Host> gateway) {
        List<String> warnings = new ArrayList<>();
        if (!plan.nested()) {
            return List.of();
        }
        for (var exposure : plan.publicExposures()) {
            Host ingress = exposure.ingressHost();
            if (ingress != null && gateway.map(g -> !g.name().equals(ingress.name())).orElse(true)) {
                warnings.add("public service " + exposure.service().name() + " arrives at host " + ingress.name()
                        + ", which is not the VMs' default gateway (proxmox.bridge.gateway " + plan.gateway() + "): replies would"
                        + " bypass its DNAT; make " + ingress.bridgeIp() + " the gateway");
            }
        }
        return List.copyOf(warnings);
    }

    static Optional<Host> gatewayHostOf(ClusterPlan plan) {
        if (!plan.nested()) {
            return Optional.empty();
        }
        return plan.spec().proxmoxIfAny().flatMap(p -> p.hosts().stream()
                .filter(h -> h.bridgeIp().equals(p.bridge().gateway())).findFirst());
    }
}
