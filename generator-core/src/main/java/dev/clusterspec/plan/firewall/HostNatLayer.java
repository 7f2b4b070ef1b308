package dev.clusterspec.plan.firewall;

import java.util.List;
import dev.clusterspec.plan.Ports;

/**
 * The Proxmox hosts' own nftables table: public traffic DNATed from the ingress host's secondary
 * private IP to the service's LoadBalancer IP (client addresses kept: no SNAT), bridged VM traffic,
 * and the VMs' egress through the gateway host.
 */
final class HostNatLayer {

    private HostNatLayer() {}

    static List<Flow> derive(Peers peers) {
        FlowList out = new FlowList(Layer.NFTABLES_HOST);
        var bridge = peers.bridge();
        if (bridge.isEmpty()) {
            return out.flows();
        }
        peers.forEachDnatedPort((service, port) -> out.allow(peers.world(), service, Protocol.of(port.protocol()), port.port(),
                "DNAT " + service.ingressAddress() + ":" + port.port() + " to " + service.loadBalancerIp() + ":" + port.port()
                        + " (client address kept)"));
        peers.meshGateway().ifPresent(gateway -> out.allow(peers.world(), gateway, Protocol.UDP, Ports.TAILSCALE_WIREGUARD,
                "DNAT of Tailscale's WireGuard port on " + gateway.natHost() + " to the mesh gateway, whose egress it masquerades"));
        out.allow(bridge.get(), bridge.get(), Protocol.ANY, PortRange.ALL,
                "VM-to-VM traffic on the bridge (bridged packets pass the forward hook)");
        if (FirewallPlan.gatewayHostOf(peers.plan()).isPresent()) {
            out.allow(bridge.get(), peers.world(), Protocol.ANY, PortRange.ALL,
                    "VM egress to the internet through the gateway host, masqueraded to its private IP (not into the VCN)");
        }
        return out.flows();
    }
}
