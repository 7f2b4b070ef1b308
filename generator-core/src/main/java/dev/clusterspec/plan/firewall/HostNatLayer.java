package dev.clusterspec.plan.firewall;

import java.util.List;

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
        out.allow(bridge.get(), bridge.get(), Protocol.ANY, PortRange.ALL,
                "VM-to-VM traffic on the bridge (bridged packets pass the forward hook)");
        if (FirewallPlan.gatewayHostOf(peers.plan()).isPresent()) {
            out.allow(bridge.get(), peers.world(), Protocol.ANY, PortRange.ALL,
                    "VM egress through the gateway host, masqueraded to its private IP");
        }
        return out.flows();
    }
}
