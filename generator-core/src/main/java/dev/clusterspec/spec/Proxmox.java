package dev.clusterspec.spec;

import java.util.List;
import java.util.Optional;

/** The Proxmox hosts and the bridge their Talos VMs share. */
public record Proxmox(Bridge bridge, List<Host> hosts) {

    public Proxmox {
        hosts = List.copyOf(hosts);
    }

    public Optional<Host> host(String name) {
        return hosts.stream().filter(h -> h.name().equals(name)).findFirst();
    }

    public record Bridge(String name, Cidr cidr, Ip gateway) {}

    /**
     * A Proxmox host; {@code ingressFor} names the reserved IP it receives and DNATs, if any;
     * {@code ocpus} and {@code memoryGb} size its OCI instance.
     */
    public record Host(String name, Ip privateIp, Ip bridgeIp, String ingressFor, Ip secondaryPrivateIp, int ocpus, int memoryGb) {

        public Optional<String> ingressReservedIp() {
            return Optional.ofNullable(ingressFor);
        }

        public Optional<Ip> secondaryPrivateIpIfAny() {
            return Optional.ofNullable(secondaryPrivateIp);
        }
    }
}
