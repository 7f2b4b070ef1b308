package dev.clusterspec.emit.oci;

import dev.clusterspec.plan.firewall.PortRange;
import dev.clusterspec.plan.firewall.Protocol;

/**
 * One OCI security-list rule: ingress rules name a source, egress rules a destination; both are
 * stateful. {@code peer} is a CIDR.
 */
record SecurityListRule(boolean ingress, String peer, Protocol protocol, PortRange ports, String description) {

    /** OCI's protocol value: an IANA number as a string, or {@code all}. */
    String ociProtocol() {
        return protocol == Protocol.ANY ? "all" : Integer.toString(protocol.ianaNumber());
    }

    /** Whether the rule narrows the destination port (TCP/UDP with fewer than all ports). */
    boolean hasPortRange() {
        return protocol.hasPorts() && !ports.isAll();
    }

    /** Rules that are the same for OCI (description aside) are written once. */
    String key() {
        return ingress + " " + peer + " " + protocol + " " + ports;
    }
}
