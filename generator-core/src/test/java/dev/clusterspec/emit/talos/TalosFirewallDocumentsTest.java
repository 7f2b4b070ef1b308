package dev.clusterspec.emit.talos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clusterspec.plan.ClusterPlan;
import dev.clusterspec.plan.firewall.FirewallPlan;
import dev.clusterspec.plan.firewall.IngressRule;
import dev.clusterspec.plan.firewall.Layer;
import dev.clusterspec.plan.firewall.PortRange;
import dev.clusterspec.plan.firewall.Protocol;
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

/**
 * The Talos layer of the firewall plan as a node sees it, and its rendering into NetworkDefaultActionConfig
 * and NetworkRuleConfig documents.
 */
class TalosFirewallDocumentsTest {

    private static final ClusterPlan SEED = ClusterPlan.of(TalosFixtures.example("oci-free-tier"));

    /** cp-1..3 at 10.0.0.11-13 and w-1..3 at .21-23, as the fewest blocks that cover exactly them. */
    private static final List<String> CONTROL_PLANES = List.of("10.0.0.11/32", "10.0.0.12/31");
    private static final List<String> NODES = List.of("10.0.0.11/32", "10.0.0.12/31", "10.0.0.21/32", "10.0.0.22/31");

    @Test
    void controlPlanesOpenTheClusterPortsAndWorkersOnlyTheNodePorts() {
        // the example ships metrics with Alloy, so Cilium's host-network metrics ports open to pods
        assertThat(names(SEED, "cp-1")).containsExactly("apid", "trustd", "kube-apiserver", "etcd", "kubelet", "cilium-vxlan",
                "cilium-health", "hubble", "cilium-metrics");
        assertThat(names(SEED, "w-1")).containsExactly("apid", "kubelet", "cilium-vxlan", "cilium-health", "hubble", "cilium-metrics");
    }

    @Test
    void theFlowsOfOnePortBecomeOneRuleWithTheirSourcesMerged() {
        Map<String, IngressRule> cp = rules(SEED, "cp-1");
        assertThat(sources(cp.get("apid"))).as("admins, control planes, Proxmox hosts on the bridge")
                .containsExactly("10.0.0.1/32", "10.0.0.2/31", "10.0.0.11/32", "10.0.0.12/31", "100.64.0.0/10");
        assertThat(cp.get("apid").reasons()).hasSize(3).first().asString().contains("talosctl from the admins");
        assertThat(sources(cp.get("etcd"))).containsExactlyElementsOf(CONTROL_PLANES);
        assertThat(cp.get("etcd").ports()).isEqualTo(PortRange.range(2379, 2380));
        assertThat(sources(cp.get("trustd"))).containsExactlyElementsOf(NODES);
        // the VIP 10.0.0.10 and cp-1 10.0.0.11 make one /31
        assertThat(sources(cp.get("kube-apiserver"))).containsExactly("10.0.0.10/31", "10.0.0.12/31", "10.0.0.21/32",
                "10.0.0.22/31", "10.244.0.0/16", "100.64.0.0/10");
        assertThat(sources(cp.get("kubelet"))).containsAll(NODES).endsWith("10.244.0.0/16");
        assertThat(sources(cp.get("hubble"))).containsAll(NODES).endsWith("10.244.0.0/16");
        assertThat(cp.get("cilium-vxlan").protocol()).isEqualTo(Protocol.UDP);
        assertThat(sources(cp.get("cilium-vxlan"))).containsExactlyElementsOf(NODES);
        assertThat(rules(SEED, "w-1").get("apid")).isEqualTo(cp.get("apid"));
    }

    @Test
    void theSpecsOwnRulesAreRenderedPerPortAndCoveredSourcesDropped() {
        ClusterPlan direct = ClusterPlan.of(TalosFixtures.validatedTestSpec("direct-ccm.yaml"));
        Map<String, IngressRule> worker = rules(direct, "w-1");
        assertThat(sources(worker.get("tcp-9100"))).containsExactly("10.1.0.5/32", "10.1.0.6/32");
        assertThat(worker.get("tcp-9100").reasons()).startsWith("node exporter from the bastion");
        assertThat(worker).as("nothing listens on 22 on Talos").doesNotContainKey("tcp-22");
        assertThat(worker.get("udp-51820").protocol()).isEqualTo(Protocol.UDP);
        assertThat(sources(worker.get("udp-51820"))).containsExactly("0.0.0.0/0");
        assertThat(sources(worker.get("apid"))).as("admins covering the control planes absorb their /32s").containsExactly("10.1.0.0/16");
    }

    @Test
    void withoutHubbleThereIsNoHubbleRule() {
        ClusterSpec s = SEED.spec();
        Addons addons = new Addons(new Addons.Cilium(new Addons.Hubble(false, false, false, false), s.addons().cilium().l2()),
                s.addons().tailscale(), s.addons().ociCcm(), s.addons().monitoring());
        ClusterSpec noHubble = new ClusterSpec(s.apiVersion(), s.kind(), s.metadata(), s.versions(), s.topology(), s.oci(),
                s.bastion(), s.proxmox(), s.network(), s.controlPlane(), s.nodes(), s.talos(), addons, s.namespaces(), s.services(),
                s.firewall(), s.manifestRepo(), s.secrets(), s.assertions(), s.manifests());
        assertThat(names(ClusterPlan.of(noHubble, SEED.specSha256()), "w-1")).doesNotContain("hubble");
    }

    @Test
    void renderedRulesUseTalosPortSyntaxAndRefuseWhatTalosWouldReject() {
        List<ObjectNode> documents = FirewallDocuments.render(rulesFor(SEED, "cp-1"));
        assertThat(documents.get(0).get("kind").asString()).isEqualTo("NetworkDefaultActionConfig");
        assertThat(documents.get(0).get("ingress").asString()).isEqualTo("block");
        ObjectNode etcd = documents.stream().filter(d -> "etcd".equals(d.path("name").asString(null))).findFirst().orElseThrow();
        assertThat(etcd.at("/portSelector/ports/0").asString()).isEqualTo("2379-2380");
        assertThat(etcd.at("/portSelector/protocol").asString()).isEqualTo("tcp");
        assertThat(etcd.at("/ingress/0/subnet").asString()).isEqualTo("10.0.0.11/32");

        List<Cidr> any = List.of(Cidr.of("10.0.0.0/8"));
        IngressRule a = new IngressRule("x", Protocol.TCP, PortRange.of(1), any, List.of("a"));
        assertThatThrownBy(() -> FirewallDocuments.render(List.of(a, a))).hasMessageContaining("two Talos firewall rules are named x");
        assertThatThrownBy(() -> FirewallDocuments.render(List.of(new IngressRule("icmp", Protocol.ICMP, PortRange.ALL, any, List.of()))))
                .hasMessageContaining("cannot express");
        assertThatThrownBy(() -> FirewallDocuments.render(List.of(new IngressRule("n", Protocol.TCP, PortRange.named("http"), any, List.of()))))
                .hasMessageContaining("cannot express");
        assertThatThrownBy(() -> FirewallDocuments.render(List.of(new IngressRule("e", Protocol.TCP, PortRange.of(80), List.of(), List.of()))))
                .hasMessageContaining("no source addresses");
    }

    private static List<IngressRule> rulesFor(ClusterPlan plan, String node) {
        return FirewallPlan.of(plan).ingressRules(Layer.TALOS, node(plan, node));
    }

    private static List<String> names(ClusterPlan plan, String node) {
        return rulesFor(plan, node).stream().map(IngressRule::name).toList();
    }

    private static Map<String, IngressRule> rules(ClusterPlan plan, String node) {
        return rulesFor(plan, node).stream().collect(Collectors.toMap(IngressRule::name, Function.identity()));
    }

    private static Node node(ClusterPlan plan, String name) {
        return plan.nodes().stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow();
    }

    private static List<String> sources(IngressRule rule) {
        return rule.sources().stream().map(Cidr::toString).toList();
    }
}
