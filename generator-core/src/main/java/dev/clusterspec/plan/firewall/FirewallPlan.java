package dev.clusterspec.plan.firewall;

import dev.clusterspec.plan.ClusterPlan;
import dev.clusterspec.spec.Node;
import dev.clusterspec.spec.Proxmox.Host;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every allowed flow of every firewall layer, derived once from the plan. Each layer's emitter renders
 * {@link #flows(Layer)}; the report prints the same flows as one matrix per layer. Anything not listed
 * is denied at that layer.
 */
public final class FirewallPlan {

    private final ClusterPlan cluster;
    private final List<Flow> flows;
    private final Optional<Host> gatewayHost;

    private FirewallPlan(ClusterPlan cluster, List<Flow> flows) {
        this.cluster = cluster;
        this.flows = List.copyOf(flows);
        this.gatewayHost = gatewayHostOf(cluster);
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

    static Optional<Host> gatewayHostOf(ClusterPlan plan) {
        if (!plan.nested()) {
            return Optional.empty();
        }
        return plan.spec().proxmoxIfAny().flatMap(p -> p.hosts().stream()
                .filter(h -> h.bridgeIp().equals(p.bridge().gateway())).findFirst());
    }
}
