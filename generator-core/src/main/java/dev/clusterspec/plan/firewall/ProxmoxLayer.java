package dev.clusterspec.plan.firewall;

import java.util.List;
import dev.clusterspec.plan.Ports;

/**
 * The Proxmox VE firewall (nested topology): what each host accepts (host.fw), what each Talos VM
 * accepts (its &lt;vmid&gt;.fw, through security groups in cluster.fw) and what the mesh gateway
 * container accepts (its &lt;ctid&gt;.fw). Everything else is dropped. The hosts run no tailscaled:
 * the tailnet ends in the mesh gateway.
 */
final class ProxmoxLayer {

    private ProxmoxLayer() {}

    static List<Flow> derive(Peers peers) {
        FlowList out = new FlowList(Layer.PROXMOX);
        if (!peers.plan().nested() || peers.hosts().isEmpty()) {
            return out.flows();
        }
        Endpoint hosts = peers.hosts(Endpoint.Side.VCN);
        peers.bastion().ifPresent(b -> out.allow(b, hosts, Protocol.TCP, Ports.SSH, "SSH only from the bastion"));
        if (peers.meshGateway().isPresent()) {
            out.allow(peers.admins(), peers.hosts(Endpoint.Side.BRIDGE), Protocol.TCP, Ports.PROXMOX_API,
                    "Proxmox web UI and API for the admins, through the mesh gateway");
        } else {
            out.allow(peers.admins(), hosts, Protocol.TCP, Ports.PROXMOX_API, "Proxmox web UI and API for the admins");
        }
        if (peers.hosts().size() > 1) {
            OciLayer.proxmoxClusterTraffic(peers, out);
        }
        out.allow(peers.world(), hosts, Protocol.ICMP, PortRange.ALL, "ICMP: path MTU discovery and ping");

        NodePortTable.derive(peers, Layer.PROXMOX).forEach(out::copy);
        Endpoint nodes = peers.nodes(Endpoint.NodeGroup.ALL);
        peers.bridge().ifPresent(bridge ->
                out.allow(bridge, nodes, Protocol.ICMP, PortRange.ALL, "ICMP on the bridge: ping, path MTU, cilium-health"));
        peers.forEachDnatedPort((service, port) -> out.allow(peers.world(), service, Protocol.of(port.protocol()), port.port(),
                "public service DNATed to its LoadBalancer IP (any node may announce it)"));
        peers.meshGateway().ifPresent(gateway -> {
            out.allow(peers.world(), gateway, Protocol.UDP, Ports.TAILSCALE_WIREGUARD,
                    "Tailscale WireGuard, DNATed by " + gateway.natHost());
            peers.bridge().ifPresent(bridge -> out.allow(bridge, gateway, Protocol.ICMP, PortRange.ALL, "ICMP on the bridge: ping, path MTU"));
        });
        return out.flows();
    }
}
