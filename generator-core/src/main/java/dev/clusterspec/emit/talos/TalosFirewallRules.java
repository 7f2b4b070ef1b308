package dev.clusterspec.emit.talos;

import dev.clusterspec.plan.firewall.FirewallPlan;
import dev.clusterspec.plan.firewall.Flow;
import dev.clusterspec.plan.firewall.Layer;
import dev.clusterspec.plan.firewall.PortRange;
import dev.clusterspec.plan.firewall.Ports;
import dev.clusterspec.plan.firewall.Protocol;
import dev.clusterspec.spec.Cidr;
import dev.clusterspec.spec.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Talos layer of the firewall plan as {@code NetworkRuleConfig} rules for one node: the plan's
 * flows to the node, one rule per protocol and port range, with the sources of all its flows merged
 * (in the plan's order, without repeats or blocks another source already covers). Talos has no SSH;
 * management goes through apid, so the port table in the plan carries apid 50000 where the seed
 * asked for SSH 22.
 */
final class TalosFirewallRules {

    private final FirewallPlan firewall;

    TalosFirewallRules(FirewallPlan firewall) {
        this.firewall = firewall;
    }

    List<TalosIngressRule> rulesFor(Node node) {
        Map<String, Group> groups = new LinkedHashMap<>();
        for (Flow flow : firewall.flowsTo(Layer.TALOS, node)) {
            if (!flow.protocol().hasPorts() || flow.ports().isNamed()) {
                throw new IllegalStateException("the firewall plan has a Talos flow NetworkRuleConfig cannot express: "
                        + flow.service() + " (" + flow.reason() + ")");
            }
            if (flow.source().cidrs().isEmpty()) {
                throw new IllegalStateException("the firewall plan has a Talos flow from " + flow.source().label()
                        + ", which has no addresses (" + flow.reason() + ")");
            }
            groups.computeIfAbsent(flow.service(), s -> new Group(flow.protocol(), flow.ports())).add(flow);
        }
        return groups.values().stream().map(Group::rule).toList();
    }

    /** A readable, unique document name: the component for the ports everyone knows, else protocol and port. */
    private String name(Protocol protocol, PortRange ports) {
        if (protocol == Protocol.TCP && ports.isSingle()) {
            int port = ports.from();
            if (port == Ports.TALOS_APID) {
                return "apid";
            }
            if (port == Ports.TALOS_TRUSTD) {
                return "trustd";
            }
            if (port == Ports.KUBE_APISERVER || port == firewall.cluster().spec().controlPlane().port()) {
                return "kube-apiserver";
            }
            if (port == Ports.KUBELET) {
                return "kubelet";
            }
            if (port == Ports.CILIUM_HEALTH) {
                return "cilium-health";
            }
            if (port == Ports.HUBBLE_SERVER) {
                return "hubble";
            }
        }
        if (protocol == Protocol.TCP && ports.equals(PortRange.range(Ports.ETCD_CLIENT, Ports.ETCD_PEER))) {
            return "etcd";
        }
        if (protocol == Protocol.UDP && ports.equals(PortRange.of(Ports.CILIUM_VXLAN))) {
            return "cilium-vxlan";
        }
        return protocol.id() + "-" + ports;
    }

    private final class Group {
        private final Protocol protocol;
        private final PortRange ports;
        private final Set<Cidr> sources = new LinkedHashSet<>();
        private final Set<String> reasons = new LinkedHashSet<>();

        Group(Protocol protocol, PortRange ports) {
            this.protocol = protocol;
            this.ports = ports;
        }

        void add(Flow flow) {
            sources.addAll(flow.source().cidrs());
            reasons.add(flow.reason());
        }

        TalosIngressRule rule() {
            List<Cidr> kept = new ArrayList<>();
            for (Cidr cidr : sources) {
                if (sources.stream().noneMatch(other -> !other.equals(cidr) && other.contains(cidr))) {
                    kept.add(cidr);
                }
            }
            return new TalosIngressRule(name(protocol, ports), protocol, List.of(ports), kept, String.join("; ", reasons));
        }
    }
}
