package dev.clusterspec.check;

import dev.clusterspec.spec.ClusterSpec;
import dev.clusterspec.spec.Ip;
import dev.clusterspec.spec.Node;
import dev.clusterspec.spec.Proxmox;
import dev.clusterspec.spec.Topology;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The hosts' own network can be written (nested topology): the host that receives a reserved IP
 * names the interface its secondary address goes on, and the mesh gateway is a free address on the
 * bridge on a known host, with a container id no VM has. Admins on the tailnet without a mesh gateway
 * have no path to the nodes: a warning, since the bastion may be all some clusters need.
 */
final class HostNetworkCheck implements SpecCheck {

    @Override
    public void check(CheckContext context) {
        ClusterSpec spec = context.spec();
        if (spec.topology() != Topology.NESTED || spec.proxmox() == null) {
            return;
        }
        Proxmox proxmox = spec.proxmox();
        for (int i = 0; i < proxmox.hosts().size(); i++) {
            Proxmox.Host host = proxmox.hosts().get(i);
            if (host.secondaryPrivateIp() != null && host.uplink() == null) {
                context.error("/proxmox/hosts/" + i + "/secondaryPrivateIp", "host " + host.name() + " carries the secondary private IP "
                        + host.secondaryPrivateIp() + " but has no 'uplink': name its VCN interface (ip -br link), the one the address is added to");
            }
        }
        proxmox.meshGatewayIfAny().ifPresentOrElse(gateway -> meshGateway(context, spec, proxmox, gateway), () -> {
            if (adminsOnTailnet(spec)) {
                context.warning("/proxmox", "the admins are on the tailnet, but nothing carries their traffic to the nodes: add"
                        + " proxmox.meshGateway (a Tailscale subnet router container on " + proxmox.bridge().name() + ")");
            }
        });
    }

    private static void meshGateway(CheckContext context, ClusterSpec spec, Proxmox proxmox, Proxmox.MeshGateway gateway) {
        String at = "/proxmox/meshGateway";
        if (proxmox.host(gateway.host()).isEmpty()) {
            context.error(at + "/host", "mesh gateway host '" + gateway.host() + "' is not in proxmox.hosts");
        }
        for (Node node : spec.nodes()) {
            if (node.vmid() != null && node.vmid() == gateway.ctid()) {
                context.error(at + "/ctid", "container id " + gateway.ctid() + " is node " + node.name()
                        + "'s VM id; VMs and containers share Proxmox's id space");
            }
        }
        Ip ip = gateway.ip();
        AddressPlanCheck.inside(context, at + "/ip", "the mesh gateway", ip, proxmox.bridge().cidr(), "bridge " + proxmox.bridge().name());
        AddressPlanCheck.outsidePools(context, at + "/ip", "the mesh gateway", ip, spec);
        Map<Ip, String> used = new LinkedHashMap<>();
        proxmox.hosts().forEach(h -> used.put(h.bridgeIp(), "host " + h.name()));
        used.put(spec.controlPlane().vip(), "the control-plane VIP");
        spec.nodes().forEach(n -> used.put(n.ip(), "node " + n.name()));
        if (used.containsKey(ip)) {
            context.error(at + "/ip", "the mesh gateway address " + ip + " is already used by " + used.get(ip));
        }
    }

    private static boolean adminsOnTailnet(ClusterSpec spec) {
        var admins = spec.firewall().admins();
        var tailnet = spec.network().tailnet();
        return admins == null || admins.stream().anyMatch(a -> a.overlaps(tailnet));
    }
}
