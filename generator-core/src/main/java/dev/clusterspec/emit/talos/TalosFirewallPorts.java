package dev.clusterspec.emit.talos;

import dev.clusterspec.emit.talos.TalosIngressRule.PortRange;
import dev.clusterspec.emit.talos.TalosIngressRule.Protocol;
import dev.clusterspec.plan.ClusterPlan;
import dev.clusterspec.spec.Cidr;
import dev.clusterspec.spec.Firewall.NodeIngress;
import dev.clusterspec.spec.Node;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The port table of the Talos ingress firewall (layer 3 of the seed): which sources may reach which
 * ports of a node, given its role. Talos has no SSH, so the seed's "SSH 22 from the Proxmox host"
 * becomes apid 50000 and the Kubernetes and Cilium ports below, each from the narrowest source set
 * that still works:
 *
 * <ul>
 * <li><b>admins</b>: the spec's administrator CIDRs (the tailnet unless the spec says otherwise);</li>
 * <li><b>control planes</b> and <b>nodes</b>: the nodes' own addresses as /32, not the whole bridge,
 *     so the Proxmox hosts and anything else on the bridge get nothing by default;</li>
 * <li><b>pods</b>: the pod CIDR, for ports that pods reach on a node's own address. Cilium's
 *     kube-proxy replacement turns the {@code kubernetes} Service into the control planes' :6443, and
 *     in tunnel mode the packet keeps the pod's source address; metrics scrapers call kubelets on
 *     10250; Hubble Relay calls every agent on 4244. Talos's block mode only lets pod-to-pod and
 *     pod-to-service traffic through on its own.</li>
 * </ul>
 *
 * The spec's {@code firewall.nodeIngress} rules are added on every node; a rule for port 22 is left
 * out because nothing listens there on Talos (validation already warns about it).
 */
final class TalosFirewallPorts {

    static final int APID = 50000;
    static final int TRUSTD = 50001;
    static final PortRange ETCD = new PortRange(2379, 2380);
    static final int KUBELET = 10250;
    static final int CILIUM_HEALTH = 4240;
    static final int HUBBLE = 4244;
    static final int VXLAN = 8472;
    static final int SSH = 22;

    private final ClusterPlan plan;

    TalosFirewallPorts(ClusterPlan plan) {
        this.plan = plan;
    }

    /** The rules of one node, in a fixed order: Talos services, Kubernetes, Cilium, then the spec's own. */
    List<TalosIngressRule> rulesFor(Node node) {
        List<Cidr> admins = plan.admins();
        List<Cidr> controlPlanes = hosts(plan.controlPlanes());
        List<Cidr> nodes = hosts(plan.nodes());
        List<Cidr> pods = List.of(plan.spec().network().pods());
        boolean controlPlane = node.isControlPlane();

        List<TalosIngressRule> rules = new ArrayList<>();
        rules.add(tcp("apid", APID, union(admins, controlPlanes),
                "Talos API: talosctl from the admins; control planes proxy API calls to the other nodes"));
        if (controlPlane) {
            rules.add(tcp("trustd", TRUSTD, nodes, "trustd: nodes ask the control planes for their certificates"));
            rules.add(tcp("kube-apiserver", plan.spec().controlPlane().port(), union(admins, nodes, pods),
                    "Kubernetes API: kubectl from the admins, kubelets and KubePrism on the nodes, pods via the kubernetes Service"));
            rules.add(new TalosIngressRule("etcd", Protocol.TCP, List.of(ETCD), controlPlanes,
                    "etcd client and peer traffic between the control planes"));
        }
        rules.add(tcp("kubelet", KUBELET, union(nodes, pods),
                "kubelet API: the API server (logs, exec) and metrics scrapers in pods"));
        rules.add(tcp("cilium-health", CILIUM_HEALTH, nodes, "Cilium health checks between nodes"));
        if (plan.spec().addons().cilium().hubble().enabled()) {
            rules.add(tcp("hubble", HUBBLE, union(nodes, pods), "Hubble server: Hubble Relay (a pod) reads every agent's flows"));
        }
        rules.add(new TalosIngressRule("cilium-vxlan", Protocol.UDP, List.of(PortRange.of(VXLAN)), nodes,
                "Cilium VXLAN tunnel between nodes (routing mode tunnel)"));
        rules.addAll(specRules());
        return List.copyOf(rules);
    }

    /** The spec's extra rules, one per port and protocol, their sources merged in spec order. */
    private List<TalosIngressRule> specRules() {
        Map<String, Set<Cidr>> sources = new LinkedHashMap<>();
        Map<String, List<String>> reasons = new LinkedHashMap<>();
        for (NodeIngress rule : plan.spec().firewall().nodeIngress()) {
            if (rule.port() == SSH) {
                continue;
            }
            String key = rule.protocol().name().toLowerCase(java.util.Locale.ROOT) + "-" + rule.port();
            sources.computeIfAbsent(key, k -> new LinkedHashSet<>()).addAll(rule.from());
            if (rule.reason() != null) {
                reasons.computeIfAbsent(key, k -> new ArrayList<>()).add(rule.reason());
            }
        }
        List<TalosIngressRule> out = new ArrayList<>();
        sources.forEach((key, from) -> {
            String[] parts = key.split("-");
            Protocol protocol = parts[0].equals("udp") ? Protocol.UDP : Protocol.TCP;
            int port = Integer.parseInt(parts[1]);
            String reason = reasons.containsKey(key) ? String.join("; ", reasons.get(key)) : "firewall.nodeIngress of the spec";
            out.add(new TalosIngressRule("spec-" + key, protocol, List.of(PortRange.of(port)), List.copyOf(from), reason));
        });
        return out;
    }

    private static TalosIngressRule tcp(String name, int port, List<Cidr> sources, String reason) {
        return new TalosIngressRule(name, Protocol.TCP, List.of(PortRange.of(port)), sources, reason);
    }

    private static List<Cidr> hosts(List<Node> nodes) {
        return nodes.stream().map(n -> n.ip().asHostCidr()).toList();
    }

    /** The sources in the order given, without repeats and without blocks another one already covers. */
    @SafeVarargs
    private static List<Cidr> union(Collection<Cidr>... sets) {
        Set<Cidr> all = new LinkedHashSet<>();
        for (Collection<Cidr> set : sets) {
            all.addAll(set);
        }
        List<Cidr> out = new ArrayList<>();
        for (Cidr cidr : all) {
            boolean covered = all.stream().anyMatch(other -> !other.equals(cidr) && other.contains(cidr));
            if (!covered) {
                out.add(cidr);
            }
        }
        return out;
    }
}
