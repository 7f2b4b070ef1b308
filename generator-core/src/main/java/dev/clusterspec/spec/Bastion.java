package dev.clusterspec.spec;

import java.util.Optional;

/** The jump host; {@code reservedIp} is absent when it uses an ephemeral public IP. */
public record Bastion(String reservedIp, Ip privateIp) {

    public Optional<String> reservedIpName() {
        return Optional.ofNullable(reservedIp);
    }
}
