package dev.clusterspec.check;

import dev.clusterspec.spec.ClusterSpec;
import dev.clusterspec.spec.Node;
import dev.clusterspec.spec.Proxmox;
import dev.clusterspec.spec.Topology;

/**
 * The guests the generator creates can be created: the mesh gateway's name is its own (its MAC is
 * derived from it, like each node's from the node's name), the VMs of a host fit into the host's
 * memory (a warning: Proxmox would start them and the host would swap or kill one), and someone can
 * reach the bastion (a warning: an empty bastion.sshFrom admits nobody).
 */
final class GuestsCheck implements SpecCheck {

    /** What Proxmox VE itself and the mesh gateway container leave a host for its VMs. */
    static final int HOST_RESERVED_MB = 1024;

    @Override
    public void check(CheckContext context) {
        ClusterSpec spec = context.spec();
        spec.bastionIfAny().filter(b -> b.sshFrom().isEmpty()).ifPresent(b -> context.warning("/bastion",
                "bastion.sshFrom is empty: the bastion's security group admits SSH from nowhere; list your own address ranges"));
        if (spec.topology() != Topology.NESTED || spec.proxmox() == null) {
            return;
        }
        Proxmox proxmox = spec.proxmox();
        proxmox.meshGatewayIfAny().ifPresent(g -> {
            String hostname = g.hostname() != null ? g.hostname() : spec.name() + "-gateway";
            if (spec.nodes().stream().anyMatch(n -> n.name().equals(hostname))) {
                context.error("/proxmox/meshGateway", "the mesh gateway's name " + hostname + " is also a node's name;"
                        + " give it its own (meshGateway.hostname): each guest's name makes its MAC address");
            }
        });
        for (int i = 0; i < proxmox.hosts().size(); i++) {
            Proxmox.Host host = proxmox.hosts().get(i);
            int vmMemory = 0;
            for (Node node : spec.nodes()) {
                if (host.name().equals(node.host())) {
                    vmMemory += proxmox.vms().of(node.role()).memoryMb();
                }
            }
            int available = host.memoryGb() * 1024 - HOST_RESERVED_MB;
            if (vmMemory > available) {
                context.warning("/proxmox/hosts/" + i + "/memoryGb", "the VMs on host " + host.name() + " need " + vmMemory
                        + " MiB of memory, but it has " + host.memoryGb() + " GB, of which Proxmox keeps about " + HOST_RESERVED_MB
                        + " MiB: give the host more memory (memoryGb) or its VMs less (proxmox.vms)");
            }
        }
    }
}
