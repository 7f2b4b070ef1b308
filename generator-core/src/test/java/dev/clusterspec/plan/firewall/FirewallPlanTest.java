package dev.clusterspec.plan.firewall;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterspec.spec.Cidr;
import dev.clusterspec.spec.Node;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import dev.clusterspec.plan.Ports;

class FirewallPlanTest {

    private static final FirewallPlan SEED = ExamplePlans.firewall("oci-free-tier");

    private static Node node(String name) {
        return SEED.cluster().nodes().stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow();
    }

    private static Predicate<Flow> port(Protocol protocol, int port) {
        return f -> f.protocol() == protocol && f.ports().contains(port);
    }

    private static List<String> sourcesOf(List<Flow> flows, Predicate<Flow> which) {
        return flows.stream().filter(which).flatMap(f -> f.source().cidrs().stream()).map(Cidr::toString).distinct().sorted().toList();
    }

    @Test
    void talosTableOpensApidToAdminsControlPlanesAndHostsOnly() {
        List<Flow> worker = SEED.flowsTo(Layer.TALOS, node("w-1"));
        // node and host groups come as the fewest blocks covering exactly their addresses
        assertThat(sourcesOf(worker, port(Protocol.TCP, 50000))).containsExactly(
                "10.0.0.1/32", "10.0.0.11/32", "10.0.0.12/31", "10.0.0.2/31", "100.64.0.0/10");
    }

    @Test
    void etcdAndTrustdAndApiServerOnlyOnControlPlanes() {
        assertThat(SEED.flowsTo(Layer.TALOS, node("w-2"))).noneMatch(port(Protocol.TCP, 2379))
                .noneMatch(port(Protocol.TCP, 50001)).noneMatch(port(Protocol.TCP, 6443));
        List<Flow> cp = SEED.flowsTo(Layer.TALOS, node("cp-2"));
        assertThat(sourcesOf(cp, port(Protocol.TCP, 2380))).containsExactly("10.0.0.11/32", "10.0.0.12/31");
        assertThat(sourcesOf(cp, port(Protocol.TCP, 6443))).contains("100.64.0.0/10", "10.0.0.21/32", "10.0.0.10/32", "10.244.0.0/16");
        assertThat(sourcesOf(cp, port(Protocol.TCP, 50001))).containsExactly("10.0.0.11/32", "10.0.0.12/31", "10.0.0.21/32", "10.0.0.22/31");
    }

    @Test
    void ingressRulesMergeANodesFlowsPerPortWithStableNames() {
        List<IngressRule> cp = SEED.ingressRules(Layer.TALOS, node("cp-1"));
        assertThat(cp).extracting(IngressRule::name).containsExactly(
                "apid", "trustd", "kube-apiserver", "etcd", "kubelet", "cilium-vxlan", "cilium-health", "hubble", "cilium-metrics");
        IngressRule apid = cp.get(0);
        assertThat(apid.protocol()).isEqualTo(Protocol.TCP);
        assertThat(apid.ports()).isEqualTo(PortRange.of(50000));
        assertThat(apid.sources()).extracting(Cidr::toString).containsExactly(
                "10.0.0.1/32", "10.0.0.2/31", "10.0.0.11/32", "10.0.0.12/31", "100.64.0.0/10");
        assertThat(apid.reasons()).hasSize(3);
        assertThat(cp.get(3).ports()).isEqualTo(PortRange.range(2379, 2380));
        assertThat(SEED.ingressRules(Layer.TALOS, node("w-3"))).extracting(IngressRule::name)
                .containsExactly("apid", "kubelet", "cilium-vxlan", "cilium-health", "hubble", "cilium-metrics");
    }

    @Test
    void everyNodeTakesCiliumVxlanHealthHubbleAndKubeletFromTheNodes() {
        for (Node n : SEED.cluster().nodes()) {
            List<Flow> flows = SEED.flowsTo(Layer.TALOS, n);
            List<String> allNodes = List.of("10.0.0.11/32", "10.0.0.12/31", "10.0.0.21/32", "10.0.0.22/31");
            assertThat(sourcesOf(flows, port(Protocol.UDP, 8472))).containsExactlyInAnyOrderElementsOf(allNodes);
            assertThat(sourcesOf(flows, port(Protocol.TCP, 4240))).containsExactlyInAnyOrderElementsOf(allNodes);
            assertThat(sourcesOf(flows, port(Protocol.TCP, 4244))).hasSize(5).containsAll(allNodes).contains("10.244.0.0/16");
            assertThat(sourcesOf(flows, port(Protocol.TCP, 10250))).hasSize(5).containsAll(allNodes);
            assertThat(flows).noneMatch(port(Protocol.TCP, 22)).as("Talos has no SSH");
        }
    }

    @Test
    void ociListAllowsSshOnlyFromTheBastionAndOpensTheServicePortToTheWorld() {
        List<Flow> oci = SEED.flows(Layer.OCI_SECURITY_LIST);
        assertThat(sourcesOf(oci, port(Protocol.TCP, 22).and(f -> !(f.source() instanceof Endpoint.ProxmoxHosts))))
                .containsExactly("10.1.0.5/32");
        assertThat(oci).anyMatch(port(Protocol.TCP, 443).and(f -> f.source() instanceof Endpoint.World
                && f.destination() instanceof Endpoint.PublicService ps && ps.ingressAddress().toString().equals("10.1.0.21")));
        assertThat(oci).anyMatch(port(Protocol.UDP, 41641).and(f -> f.source() instanceof Endpoint.World));
        assertThat(oci).anyMatch(f -> f.protocol() == Protocol.ICMP && f.source() instanceof Endpoint.World);
        assertThat(oci).anyMatch(f -> f.protocol() == Protocol.ANY && f.destination() instanceof Endpoint.World);
    }

    @Test
    void hostNatDnatsTheSecondaryPrivateIpToTheLoadBalancerIpAndForwardsEgressOnTheGatewayHost() {
        List<Flow> nat = SEED.flows(Layer.NFTABLES_HOST);
        assertThat(nat).filteredOn(f -> f.destination() instanceof Endpoint.PublicService).singleElement().satisfies(f -> {
            Endpoint.PublicService ps = (Endpoint.PublicService) f.destination();
            assertThat(ps.host()).isEqualTo("pve1");
            assertThat(ps.loadBalancerIp().toString()).isEqualTo("10.0.0.193");
            assertThat(f.ports().from()).isEqualTo(443);
        });
        assertThat(SEED.gatewayHost()).hasValueSatisfying(h -> assertThat(h.name()).isEqualTo("pve1"));
        assertThat(SEED.warnings()).as("the ingress host is the gateway").isEmpty();
    }

    @Test
    void policiesAllowDatabaseOnlyFromApiAndPublicWebFromTheWorld() {
        List<Flow> policies = SEED.flows(Layer.NETWORK_POLICY);
        assertThat(policies).filteredOn(f -> f.destination() instanceof Endpoint.Pods p && p.namespace().equals("db")
                        && !p.allPods())
                .extracting(f -> f.source().label()).containsExactly("namespace api");
        assertThat(policies).anyMatch(f -> f.source() instanceof Endpoint.World
                && f.destination() instanceof Endpoint.Pods p && p.namespace().equals("web") && f.ports().contains(443));
        assertThat(policies).anyMatch(f -> f.source() instanceof Endpoint.Pods p && p.namespace().equals("tailscale")
                && f.destination() instanceof Endpoint.Pods d && d.namespace().equals("api") && f.ports().contains(8080));
        assertThat(policies).filteredOn(f -> f.destination().equals(PolicyLayer.CORE_DNS)).hasSize(6);
    }

    @Test
    void aSingleHostClusterHasNoProxmoxClusterTrafficAndNoPublicFlows() {
        FirewallPlan minimal = ExamplePlans.firewall("minimal");
        assertThat(minimal.flows(Layer.OCI_SECURITY_LIST)).noneMatch(port(Protocol.UDP, 5405));
        assertThat(minimal.flows(Layer.NFTABLES_HOST)).noneMatch(f -> f.destination() instanceof Endpoint.PublicService);
        assertThat(minimal.flows(Layer.NETWORK_POLICY)).noneMatch(f -> f.ports().isNamed()).as("no monitoring in minimal");
        assertThat(minimal.counts()).containsOnlyKeys(Layer.values());
    }

    @Test
    void withoutTailscaleThereIsNoWireGuardPortAndTheAdminsAreTheHostsTheyReachByTheBastion() {
        FirewallPlan minimal = ExamplePlans.firewall("minimal");
        assertThat(minimal.cluster().spec().addons().tailscale().enabled()).isFalse();
        assertThat(minimal.flows()).noneMatch(port(Protocol.UDP, Ports.TAILSCALE_WIREGUARD));
        assertThat(minimal.cluster().admins()).extracting(Cidr::toString).containsExactly("10.0.0.1/32");
        assertThat(minimal.flows()).noneMatch(f -> f.source().cidrs().contains(minimal.cluster().spec().network().tailnet()));
        // with the operator on, the tailnet is the admins' default and WireGuard reaches the hosts
        assertThat(SEED.cluster().admins()).extracting(Cidr::toString).containsExactly("100.64.0.0/10");
        assertThat(SEED.flows(Layer.OCI_SECURITY_LIST)).anyMatch(port(Protocol.UDP, Ports.TAILSCALE_WIREGUARD));
        assertThat(SEED.flows(Layer.PROXMOX)).anyMatch(port(Protocol.UDP, Ports.TAILSCALE_WIREGUARD));
    }
}
