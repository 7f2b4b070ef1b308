package dev.clusterspec.plan.firewall;

import java.util.Locale;

/** Transport protocol of a flow; {@link #ANY} means every protocol (an "allow all" rule). */
public enum Protocol {
    TCP(6), UDP(17), ICMP(1), ANY(-1);

    private final int ianaNumber;

    Protocol(int ianaNumber) {
        this.ianaNumber = ianaNumber;
    }

    /** IANA protocol number (OCI writes protocols this way); -1 for {@link #ANY}. */
    public int ianaNumber() {
        return ianaNumber;
    }

    /** Whether the protocol has ports. */
    public boolean hasPorts() {
        return this == TCP || this == UDP;
    }

    /** Lower-case name as most firewalls write it: tcp, udp, icmp, any. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Protocol of(dev.clusterspec.spec.ServiceSpec.Protocol protocol) {
        return protocol == dev.clusterspec.spec.ServiceSpec.Protocol.UDP ? UDP : TCP;
    }

    public static Protocol of(dev.clusterspec.spec.Firewall.Protocol protocol) {
        return protocol == dev.clusterspec.spec.Firewall.Protocol.UDP ? UDP : TCP;
    }
}
