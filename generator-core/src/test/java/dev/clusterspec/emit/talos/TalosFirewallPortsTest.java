package dev.clusterspec.emit.talos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clusterspec.emit.talos.TalosIngressRule.PortRange;
import dev.clusterspec.emit.talos.TalosIngressRule.Protocol;
import dev.clusterspec.plan.ClusterPlan;
import dev.clusterspec.spec.Addons;
import dev.clusterspec.spec.Cidr;
import dev.clusterspec.spec.ClusterSpec;
import dev.clusterspec.spec.Node;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** The Talos ingress port table: who may reach which port of a control plane or a worker. */
class TalosFirewallPortsTest {

    private static final ClusterPlan SEED = ClusterPlan.of(TalosFixtures.example("oci-free-tier"));

    @Test
    void controlPlanesOpenTheClusterPortsAndWorkersOnlyTheNodePorts() {
        assertThat(names(SEED, "cp-1")).containsExactly("apid", "trustd", "kube-apiserver", "etcd", "kubelet", "cilium-health",
                "hubble", "cilium-vxlan");
        assertThat(names(SEED, "w-1")).containsExactly("apid", "kubelet", "cilium-health", "hubble", "cilium-vxlan");
    }

    @Test
    void eachFlowComesFromTheNarrowestSourcesThatWork() {
        Map<String, TalosIngressRule> cp = rules(SEED, "cp-1");
        List<String> controlPlanes = List.of("10.0.0.11/32", "10.0.0.12/32", "10.0.0.13/32");
        List<String> nodes = List.of("10.0.0.11/32", "10.0.0.12/32", "10.0.0.13/32", "10.0.0.21/32", "10.0.0.22/32", "10.0.0.23/32");

        assertThat(sources(cp.get("apid"))).containsExactly("100.64.0.0/10", "10.0.0.11/32", "10.0.0.12/32", "10.0.0.13/32");
        assertThat(sources(cp.get("etcd"))).containsExactlyElementsOf(controlPlanes);
        assertThat(cp.get("etcd").ports()).containsExactly(new PortRange(2379, 2380));
        assertThat(sources(cp.get("trustd"))).containsExactlyElementsOf(nodes);
        assertThat(sources(cp.get("kube-apiserver"))).as("admins, nodes, and pods through the kubernetes Service")
                .startsWith("100.64.0.0/10").containsAll(nodes).endsWith("10.244.0.0/16");
        assertThat(sources(cp.get("kubelet"))).containsAll(nodes).endsWith("10.244.0.0/16");
        assertThat(sources(cp.get("cilium-health"))).containsExactlyElementsOf(nodes);
        assertThat(sources(cp.get("hubble"))).containsAll(nodes).endsWith("10.244.0.0/16");
        assertThat(cp.get("cilium-vxlan").protocol()).isEqualTo(Protocol.UDP);
        assertThat(cp.get("cilium-vxlan").ports()).containsExactly(PortRange.of(8472));
        assertThat(sources(cp.get("cilium-vxlan"))).containsExactlyElementsOf(nodes);
        assertThat(cp.values()).noneMatch(rule -> rule.ports().contains(PortRange.of(22)));
        assertThat(cp.values()).allSatisfy(rule -> assertThat(rule.reason()).isNotBlank());
    }

    @Test
    void theSpecsOwnRulesAreMergedPerPortAndSshIsLeftOut() {
        ClusterPlan direct = ClusterPlan.of(TalosFixtures.validatedTestSpec("direct-ccm.yaml"));
        Map<String, TalosIngressRule> worker = rules(direct, "w-1");
        assertThat(worker).doesNotContainKey("spec-tcp-22");
        assertThat(sources(worker.get("spec-tcp-9100"))).containsExactly("10.1.0.5/32", "10.1.0.6/32");
        assertThat(worker.get("spec-tcp-9100").reason()).isEqualTo("node exporter from the bastion");
        assertThat(worker.get("spec-udp-51820").protocol()).isEqualTo(Protocol.UDP);
        assertThat(sources(worker.get("spec-udp-51820"))).containsExactly("0.0.0.0/0");
        assertThat(sources(worker.get("apid"))).as("admins covering the control planes absorb their /32s").containsExactly("10.1.0.0/16");
    }

    @Test
    void withoutHubbleThereIsNoHubbleRule() {
        ClusterSpec s = SEED.spec();
        Addons addons = new Addons(new Addons.Cilium(new Addons.Hubble(false, false, false, false), s.addons().cilium().l2()),
                s.addons().tailscale(), s.addons().ociCcm(), s.addons().monitoring());
        ClusterSpec noHubble = new ClusterSpec(s.apiVersion(), s.kind(), s.metadata(), s.versions(), s.topology(), s.oci(),
                s.bastion(), s.proxmox(), s.network(), s.controlPlane(), s.nodes(), addons, s.namespaces(), s.services(),
                s.firewall(), s.manifestRepo(), s.assertions());
        assertThat(names(ClusterPlan.of(noHubble, SEED.specSha256()), "w-1")).doesNotContain("hubble");
    }

    @Test
    void renderedRulesUseTalosPortSyntaxAndRefuseClashes() {
        List<ObjectNode> documents = FirewallDocuments.render(new TalosFirewallPorts(SEED).rulesFor(node(SEED, "cp-1")));
        assertThat(documents.get(0).get("kind").asString()).isEqualTo("NetworkDefaultActionConfig");
        assertThat(documents.get(0).get("ingress").asString()).isEqualTo("block");
        ObjectNode etcd = documents.stream().filter(d -> "etcd".equals(d.path("name").asString(null))).findFirst().orElseThrow();
        assertThat(etcd.at("/portSelector/ports/0").asString()).isEqualTo("2379-2380");
        assertThat(etcd.at("/portSelector/protocol").asString()).isEqualTo("tcp");
        assertThat(etcd.at("/ingress/0/subnet").asString()).isEqualTo("10.0.0.11/32");

        TalosIngressRule a = new TalosIngressRule("x", Protocol.TCP, List.of(PortRange.of(1)), List.of(Cidr.of("10.0.0.0/8")), "a");
        assertThatThrownBy(() -> FirewallDocuments.render(List.of(a, a))).hasMessageContaining("two Talos firewall rules are named x");
        TalosIngressRule overlapping = new TalosIngressRule("y", Protocol.TCP, List.of(new PortRange(10, 20), new PortRange(20, 30)),
                List.of(Cidr.of("10.0.0.0/8")), "b");
        assertThatThrownBy(() -> FirewallDocuments.render(List.of(overlapping))).hasMessageContaining("overlapping ports");
    }

    private static List<String> names(ClusterPlan plan, String node) {
        return new TalosFirewallPorts(plan).rulesFor(node(plan, node)).stream().map(TalosIngressRule::name).toList();
    }

    private static Map<String, TalosIngressRule> rules(ClusterPlan plan, String node) {
        return new TalosFirewallPorts(plan).rulesFor(node(plan, node)).stream()
                .collect(Collectors.toMap(TalosIngressRule::name, Function.identity()));
    }

    private static Node node(ClusterPlan plan, String name) {
        return plan.nodes().stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow();
    }

    private static List<String> sources(TalosIngressRule rule) {
        return rule.sources().stream().map(Cidr::toString).toList();
    }
}
