package dev.clusterspec.plan.firewall;

import dev.clusterspec.plan.ClusterPlan;
import dev.clusterspec.plan.PublicExposure;
import dev.clusterspec.spec.ServiceSpec;
import java.util.List;
import dev.clusterspec.plan.Ports;

/**
 * The OCI security list of the subnet the Proxmox hosts sit in (nested) or the Talos nodes and their
 * load balancers sit in (direct): SSH only from the bastion (nested), the public services' ports, ICMP,
 * Tailscale's WireGuard port to the mesh gateway (nested), the hosts' cluster traffic between each
 * other, the API load balancer's listeners and the node port table (direct), and all egress.
 *
 * <p>Direct has no WireGuard rule: the Tailscale operator's proxies are pods, whose traffic leaves
 * through Cilium's masquerade; nothing listens on 41641 on a node, and their direct connections come
 * back as replies (or through DERP on 443).
 */
final class OciLayer {

    private OciLayer() {}

    static List<Flow> derive(Peers peers) {
        ClusterPlan plan = peers.plan();
        FlowList out = new FlowList(Layer.OCI_SECURITY_LIST);
        Endpoint inside = plan.nested() ? peers.hosts(Endpoint.Side.VCN) : peers.nodes(Endpoint.NodeGroup.ALL);

        if (plan.nested()) {
            peers.bastion().ifPresent(b -> out.allow(b, inside, Protocol.TCP, Ports.SSH, "SSH to the Proxmox hosts only from the bastion"));
        }
        for (PublicExposure exposure : plan.publicExposures()) {
            Endpoint service = peers.publicService(exposure);
            for (ServiceSpec.Port port : exposure.service().ports()) {
                out.allow(peers.world(), service, Protocol.of(port.protocol()), port.port(),
                        "public service " + exposure.service().namespace() + "/" + exposure.service().name()
                                + " on reserved IP " + exposure.reservedIpName());
            }
        }
        out.allow(peers.world(), inside, Protocol.ICMP, PortRange.ALL, "ICMP: path MTU discovery and ping");
        if (plan.nested()) {
            peers.meshGateway().ifPresent(gateway -> out.allow(peers.world(),
                    peers.host(peers.plan().host(gateway.natHost()).orElseThrow(), Endpoint.Side.VCN), Protocol.UDP,
                    Ports.TAILSCALE_WIREGUARD, "Tailscale WireGuard to the mesh gateway, DNATed by " + gateway.natHost()
                            + " (direct connections; DERP over 443 otherwise)"));
        }
        peers.apiLoadBalancer().ifPresent(lb -> {
            int apiServer = plan.spec().controlPlane().port();
            out.allow(peers.admins(), lb, Protocol.TCP, apiServer, "API load balancer: kubectl from the admins");
            out.allow(peers.admins(), lb, Protocol.TCP, Ports.TALOS_APID, "API load balancer: talosctl from the admins");
            out.allow(peers.nodes(Endpoint.NodeGroup.ALL), lb, Protocol.TCP, apiServer,
                    "API load balancer: the nodes reach the cluster endpoint");
        });
        if (plan.nested() && peers.hosts().size() > 1) {
            proxmoxClusterTraffic(peers, out);
        }
        if (!plan.nested()) {
            // Talos nodes are OCI instances themselves: the security list carries the node port table
            NodePortTable.derive(peers, Layer.OCI_SECURITY_LIST).forEach(out::copy);
        }
        out.allow(inside, peers.world(), Protocol.ANY, PortRange.ALL, peers.tailnetInUse()
                ? "egress: packages, images, Tailscale control and DERP, time and DNS" : "egress: packages, images, time and DNS");
        return out.flows();
    }

    /** What Proxmox hosts in one cluster exchange; added to the OCI list and the hosts' firewalls alike. */
    static void proxmoxClusterTraffic(Peers peers, FlowList out) {
        Endpoint hosts = peers.hosts(Endpoint.Side.VCN);
        out.allow(hosts, hosts, Protocol.UDP, PortRange.range(Ports.COROSYNC_FIRST, Ports.COROSYNC_LAST),
                "Proxmox cluster: corosync");
        out.allow(hosts, hosts, Protocol.TCP, Ports.SSH, "Proxmox cluster: SSH between hosts (migration, pvecm)");
        out.allow(hosts, hosts, Protocol.TCP, Ports.PROXMOX_API, "Proxmox cluster: API proxied between hosts");
        out.allow(hosts, hosts, Protocol.UDP, Ports.VXLAN_SDN, "VXLAN carrying the VM bridge across the hosts (SDN zone)");
    }
}
