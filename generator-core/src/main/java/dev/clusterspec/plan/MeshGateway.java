package dev.clusterspec.plan;

import dev.clusterspec.spec.Cidr;
import dev.clusterspec.spec.Ip;
import dev.clusterspec.spec.Proxmox;
import dev.clusterspec.spec.RunbookSecret;
import java.util.List;
import java.util.Optional;

/**
 * The Tailscale subnet router on the bridge, with the facts its container, its firewall, the nodes'
 * and hosts' routes and the runbook share: it advertises {@code advertisedRoute} to the tailnet
 * without SNAT, so the nodes must route {@code tailnet} back through {@code ip}.
 */
public record MeshGateway(String host, int ctid, Ip ip, String hostname, List<String> tags,
                          Optional<RunbookSecret> authKey, Cidr advertisedRoute, Cidr tailnet) {

    static Optional<MeshGateway> of(String clusterName, Proxmox proxmox, Cidr tailnet) {
        return proxmox.meshGatewayIfAny().map(g -> new MeshGateway(g.host(), g.ctid(), g.ip(),
                g.hostname() != null ? g.hostname() : clusterName + "-gateway", g.tags(), g.authKeyIfAny(),
                proxmox.bridge().cidr(), tailnet));
    }

    /** The route every node and host needs for replies to reach the tailnet. */
    public Route returnRoute() {
        return new Route(tailnet, ip, "replies to the tailnet go back through the mesh gateway " + hostname);
    }
}
