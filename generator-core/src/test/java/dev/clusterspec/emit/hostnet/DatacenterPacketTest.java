package dev.clusterspec.emit.hostnet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterspec.Examples;
import dev.clusterspec.generate.GenerateRequest;
import dev.clusterspec.generate.Generator;
import dev.clusterspec.load.SpecLoader;
import dev.clusterspec.plan.ClusterPlan;
import dev.clusterspec.plan.MeshGateway;
import dev.clusterspec.plan.PublicExposure;
import dev.clusterspec.spec.Node;
import dev.clusterspec.spec.Proxmox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example's host network proven with real packets: the generated host files, nft rulesets,
 * Talos link and firewall documents and OCI rules, brought up in kernel namespaces as {@link Datacenter}
 * describes, carry every flow the firewall plan allows on these paths and drop a sample of the
 * flows it does not. Each flow is a TCP (or UDP) exchange with a listener that reports who answered
 * and which client address it saw.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatacenterPacketTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T00:00:00Z"), ZoneOffset.UTC);
    private static final Pattern SEEN = Pattern.compile("^OK by=(\\S+) peer=(\\S+)(?: local=(\\S+))?$");

    private Path work;
    private ClusterPlan plan;
    private NetworkLab.Run run;
    private Node cp1;
    private Node cp2;
    private Node sameHostWorker;
    private Node announcer;
    private Node farWorker;
    private PublicExposure exposure;
    private MeshGateway gateway;
    private List<Proxmox.Host> hosts;

    @BeforeAll
    void buildTheDatacenterAndSendThePackets(@TempDir Path work) throws Exception {
        this.work = work;
        Path outputs = work.resolve("cluster");
        Path spec = Examples.spec("oci-free-tier");
        new Generator().generate(GenerateRequest.of(spec, Examples.reference().resolve("talos/stability/secrets.yaml"), outputs)
                .withForce(true).withClock(CLOCK));
        plan = ClusterPlan.of(new SpecLoader().load(spec));
        hosts = plan.spec().proxmox().hosts();
        cp1 = plan.controlPlanes().get(0);
        cp2 = plan.controlPlanes().stream().filter(n -> !n.host().equals(cp1.host())).findFirst().orElseThrow();
        exposure = plan.publicExposures().get(0);
        String ingressHost = exposure.ingressHost().name();
        sameHostWorker = plan.workers().stream().filter(n -> n.host().equals(cp1.host())).findFirst().orElseThrow();
        // Cilium may announce the LoadBalancer IP from any node: one on another host than the DNAT puts the VXLAN on the path
        announcer = plan.workers().stream().filter(n -> !n.host().equals(ingressHost)).findFirst().orElseThrow();
        farWorker = plan.workers().stream().filter(n -> !n.host().equals(cp1.host()) && !n.equals(announcer)).findFirst().orElseThrow();
        gateway = plan.meshGateway().orElseThrow();

        Datacenter dc = new Datacenter(plan, outputs, work).build(Ifupdown2.unpacked(Path.of("target/tools/ifupdown2")));
        for (Node node : plan.nodes()) {
            dc.listen(Datacenter.vmNamespace(node), node.name(), "tcp:50000", "tcp:6443", "tcp:10250", "tcp:2379", "tcp:9962", "tcp:22", "tcp:443");
        }
        hosts.forEach(h -> dc.listen(h.name(), h.name(), "tcp:22", "tcp:8006"));
        dc.listen("net", "internet", "tcp:8080");
        dc.listen("ct" + gateway.ctid(), gateway.hostname(), "udp:41641");
        // the Layer-2 VIP on the first control plane and the LoadBalancer IP on a worker, each announced as Talos and Cilium do
        holdAddress(dc, cp1, plan.vip().toString());
        holdAddress(dc, announcer, exposure.loadBalancerIp().toString());
        dc.line("sleep 1");

        String vip = plan.vip().toString();
        dc.probe("vm-same-host", vm(sameHostWorker), "tcp", cp1.ip().toString(), 6443)
                .probe("vm-cross-host", vm(announcer), "tcp", cp1.ip().toString(), 6443)
                .probe("etcd-cross-host", vm(cp1), "tcp", cp2.ip().toString(), 2379)
                .probe("kubelet-cross-host", vm(cp1), "tcp", farWorker.ip().toString(), 10250)
                .probe("etcd-from-worker", vm(sameHostWorker), "tcp", cp1.ip().toString(), 2379)
                .probe("monitoring-from-node", vm(cp1), "tcp", announcer.ip().toString(), 9962)
                .probe("host-apid", hosts.get(hosts.size() - 1).name(), "tcp", farWorker.ip().toString(), 50000)
                .probe("host-kube-apiserver", hosts.get(1).name(), "tcp", cp1.ip().toString(), 6443)
                .probe("vip-from-worker", vm(farWorker), "tcp", vip, 6443);
        hosts.forEach(h -> dc.probe("vip-from-" + h.name(), h.name(), "tcp", vip, 50000));
        dc.probe("public", "net", "tcp", exposure.reservedIp().toString(), 443)
                .probe("public-ssh", "net", "tcp", exposure.reservedIp().toString(), 22)
                .probe("internet-ssh", "net", "tcp", Datacenter.publicIpOf(0), 22)
                .probe("bastion-ssh", "bastion", "tcp", hosts.get(0).privateIp().toString(), 22)
                .probe("egress", vm(farWorker), "tcp", Datacenter.INTERNET_CLIENT, 8080)
                .probe("egress-from-the-gateway-host", vm(sameHostWorker), "tcp", Datacenter.INTERNET_CLIENT, 8080)
                .probe("wireguard", "net", "udp", Datacenter.publicIpOf(hostIndex(gatewayNatHost())), 41641)
                .probe("admin-apid", "admin", "tcp", cp1.ip().toString(), 50000)
                .probe("admin-apid-cross-host", "admin", "tcp", announcer.ip().toString(), 50000)
                .probe("admin-kube-apiserver-vip", "admin", "tcp", vip, 6443)
                .probe("admin-proxmox-ui", "admin", "tcp", hosts.get(1).bridgeIp().toString(), 8006)
                .probe("admin-kubelet", "admin", "tcp", cp1.ip().toString(), 10250);
        int payload = plan.spec().proxmox().bridge().mtu() - 28;
        dc.ping("mtu-vm-cross-host", vm(cp1), payload, announcer.ip().toString())
                .ping("mtu-host-to-host", hosts.get(0).name(), payload, hosts.get(2).bridgeIp().toString());

        // VM traffic into the VCN is dropped by the gateway host's forward policy: the counter shows it
        String gatewayHost = plan.spec().proxmox().bridge().gateway().equals(hosts.get(0).bridgeIp()) ? hosts.get(0).name() : gatewayNatHost();
        dc.line("before=$(ip netns exec " + gatewayHost + " nft list chain inet clusterspec forward | grep -o 'packets [0-9]*' | tail -1)");
        dc.probe("vm-into-vcn", vm(sameHostWorker), "tcp", hosts.get(1).privateIp().toString(), 22);
        dc.line("after=$(ip netns exec " + gatewayHost + " nft list chain inet clusterspec forward | grep -o 'packets [0-9]*' | tail -1)");
        dc.line("result forward-drop-counter \"$before -> $after\"");

        // the VIP moves to another control plane on another host; gratuitous ARP updates the hosts' and VMs' neighbours
        dc.line("ip -n " + vm(cp1) + " addr del " + vip + "/32 dev eth0");
        holdAddress(dc, cp2, vip);
        dc.line("sleep 1.2");
        hosts.forEach(h -> dc.probe("vip-moved-from-" + h.name(), h.name(), "tcp", vip, 50000));
        dc.probe("vip-moved-from-worker", vm(farWorker), "tcp", vip, 6443);

        run = NetworkLab.run(dc.script(), work, Duration.ofMinutes(4));
        assertThat(run.exitCode()).as("the lab ran to the end:\n" + run.output()).isZero();
        assertThat(run.result("safety")).isEqualTo("ok");
    }

    private static void holdAddress(Datacenter dc, Node node, String address) {
        dc.line("ip -n " + vm(node) + " addr add " + address + "/32 dev eth0");
        dc.line("ip netns exec " + vm(node) + " arping -q -U -c 1 -I eth0 -s " + address + " " + address + " || true");
    }

    private static String vm(Node node) {
        return Datacenter.vmNamespace(node);
    }

    private String gatewayNatHost() {
        return plan.spec().proxmox().hosts().stream().filter(h -> h.bridgeIp().equals(plan.gateway())).findFirst().orElseThrow().name();
    }

    private int hostIndex(String name) {
        for (int i = 0; i < hosts.size(); i++) {
            if (hosts.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException(name);
    }

    /** {@code by}, {@code peer} and {@code local} of a connection that went through. */
    private Map<String, String> passed(String id) {
        String result = run.result(id);
        Matcher m = SEEN.matcher(result);
        assertThat(m.matches()).as(id + " connects (got: " + result + ")\n" + run.output()).isTrue();
        return m.group(3) == null ? Map.of("by", m.group(1), "peer", m.group(2)) : Map.of("by", m.group(1), "peer", m.group(2), "local", m.group(3));
    }

    private void dropped(String id) {
        assertThat(run.result(id)).as(id + " is dropped (a drop shows as a timeout, a refusal would mean it got through)").isEqualTo("TIMEOUT");
    }

    @Test
    void vmsReachEachOtherOnOneHostThroughTheirFirewallBridgesAndAcrossHostsByVxlan() {
        assertThat(passed("vm-same-host")).containsEntry("by", cp1.name()).containsEntry("peer", sameHostWorker.ip().toString());
        assertThat(passed("vm-cross-host")).containsEntry("by", cp1.name()).containsEntry("peer", announcer.ip().toString());
        assertThat(passed("etcd-cross-host")).containsEntry("by", cp2.name()).containsEntry("peer", cp1.ip().toString());
        assertThat(passed("kubelet-cross-host")).containsEntry("by", farWorker.name());
        assertThat(passed("host-apid")).containsEntry("by", farWorker.name());
    }

    @Test
    void talosDropsWhatItsRulesDoNotOpen() {
        dropped("etcd-from-worker");
        dropped("host-kube-apiserver");
        dropped("admin-kubelet");
    }

    @Test
    void monitoringReachesCiliumMetricsFromANodeAddress() {
        // Alloy's scrape of another node is masqueraded to its node's address in tunnel mode
        assertThat(passed("monitoring-from-node")).containsEntry("by", announcer.name()).containsEntry("peer", cp1.ip().toString());
    }

    @Test
    void theVipAnswersFromEveryHostAndFollowsTheControlPlaneThatHoldsIt() {
        for (Proxmox.Host host : hosts) {
            assertThat(passed("vip-from-" + host.name())).containsEntry("by", cp1.name());
            assertThat(passed("vip-moved-from-" + host.name())).as("after the move, by gratuitous ARP").containsEntry("by", cp2.name());
        }
        assertThat(passed("vip-from-worker")).containsEntry("by", cp1.name());
        assertThat(passed("vip-moved-from-worker")).containsEntry("by", cp2.name());
    }

    @Test
    void aPublicClientReachesTheLoadBalancerIpThroughTheReservedIpAndIsSeenWithItsOwnAddress() {
        assertThat(passed("public")).containsEntry("by", announcer.name()).containsEntry("peer", Datacenter.INTERNET_CLIENT)
                .containsEntry("local", exposure.loadBalancerIp().toString());
    }

    @Test
    void vmEgressLeavesMasqueradedToTheGatewayHostsPublicAddressButNeverIntoTheVcn() {
        String gatewayPublicIp = Datacenter.publicIpOf(hostIndex(gatewayNatHost()));
        assertThat(passed("egress")).containsEntry("by", "internet").containsEntry("peer", gatewayPublicIp);
        assertThat(passed("egress-from-the-gateway-host")).containsEntry("by", "internet").containsEntry("peer", gatewayPublicIp);
        dropped("vm-into-vcn");
        Matcher counter = Pattern.compile("packets (\\d+) -> packets (\\d+)").matcher(run.result("forward-drop-counter"));
        assertThat(counter.matches()).as(run.result("forward-drop-counter")).isTrue();
        assertThat(Long.parseLong(counter.group(2))).as("dropped by the forward policy").isGreaterThan(Long.parseLong(counter.group(1)));
    }

    @Test
    void adminsReachNodesAndHostsThroughTheMeshGatewayWithTheirOwnAddress() {
        String admin = Datacenter.Tailnet.ADMIN;
        assertThat(passed("admin-apid")).containsEntry("by", cp1.name()).containsEntry("peer", admin);
        assertThat(passed("admin-apid-cross-host")).containsEntry("by", announcer.name()).containsEntry("peer", admin);
        assertThat(passed("admin-kube-apiserver-vip")).containsEntry("by", cp1.name()).containsEntry("peer", admin);
        assertThat(passed("admin-proxmox-ui")).containsEntry("by", hosts.get(1).name()).containsEntry("peer", admin);
        assertThat(passed("wireguard")).containsEntry("by", gateway.hostname()).containsEntry("peer", Datacenter.INTERNET_CLIENT);
    }

    @Test
    void sshReachesTheHostsOnlyFromTheBastion() {
        assertThat(passed("bastion-ssh")).containsEntry("by", hosts.get(0).name());
        dropped("internet-ssh");
        dropped("public-ssh");
    }

    @Test
    void unfragmentedPacketsOfTheFullMtuCrossTheHostsVxlan() {
        assertThat(run.result("mtu-vm-cross-host")).isEqualTo("OK");
        assertThat(run.result("mtu-host-to-host")).isEqualTo("OK");
    }
}
