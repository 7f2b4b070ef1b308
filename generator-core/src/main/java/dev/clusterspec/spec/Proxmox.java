package dev.clusterspec.spec;

import java.util.List;
import java.util.Optional;

/** The Proxmox hosts, the bridge their Talos VMs share, and the tailnet gateway on that bridge. */
public record Proxmox(Bridge bridge, List<Host> hosts, MeshGateway meshGateway, Vms vms) {

    public Proxmox {
        hosts = List.copyOf(hosts);
    }

    public Optional<Host> host(String name) {
        return hosts.stream().filter(h -> h.name().equals(name)).findFirst();
    }

    public Optional<MeshGateway> meshGatewayIfAny() {
        return Optional.ofNullable(meshGateway);
    }

    /** The bridge is one L2 segment: each host's bridge reaches the others by a VXLAN port. */
    public record Bridge(String name, Cidr cidr, Ip gateway, int mtu, int vxlanId) {}

    /**
     * A Proxmox host; {@code ingressFor} names the reserved IP it receives and DNATs, if any, and
     * {@code uplink} is its VCN interface, which carries the secondary private IP of that reserved IP;
     * {@code ocpus} and {@code memoryGb} size its OCI instance.
     */
    public record Host(String name, Ip privateIp, Ip bridgeIp, String uplink, String ingressFor, Ip secondaryPrivateIp,
                       int ocpus, int memoryGb) {

        public Optional<String> ingressReservedIp() {
            return Optional.ofNullable(ingressFor);
        }

        public Optional<Ip> secondaryPrivateIpIfAny() {
            return Optional.ofNullable(secondaryPrivateIp);
        }
    }

    /** Where the guests' disks and images go, and how big each role's VMs are. */
    public record Vms(String storage, String isoStorage, VmSize controlplane, VmSize worker) {

        public VmSize of(Node.Role role) {
            return role == Node.Role.CONTROLPLANE ? controlplane : worker;
        }
    }

    public record VmSize(String cpuType, int cores, int memoryMb, int diskGb) {}

    /** The Tailscale subnet router container on the bridge (the architecture document's "mesh gateway"). */
    public record MeshGateway(String host, int ctid, Ip ip, String hostname, List<String> tags, RunbookSecret authKey) {

        public MeshGateway {
            tags = List.copyOf(tags);
        }

        public Optional<RunbookSecret> authKeyIfAny() {
            return Optional.ofNullable(authKey);
        }
    }
}
