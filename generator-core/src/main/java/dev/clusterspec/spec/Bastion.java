package dev.clusterspec.spec;

import java.util.Optional;

/**
 * The jump host; {@code reservedIp} is absent when it uses an ephemeral public IP, and {@code ocpus}
 * and {@code memoryGb} are set only when it is an Ampere A1 instance; {@code sshFrom} may SSH to it.
 */
public record Bastion(String reservedIp, Ip privateIp, Integer ocpus, Integer memoryGb, java.util.List<Cidr> sshFrom, String user) {

    public Bastion {
        sshFrom = java.util.List.copyOf(sshFrom);
    }

    public Optional<String> reservedIpName() {
        return Optional.ofNullable(reservedIp);
    }
}
