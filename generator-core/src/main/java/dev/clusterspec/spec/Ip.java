package dev.clusterspec.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;

/** An IPv4 address of the spec (the schema has checked the syntax before binding). */
public final class Ip implements Comparable<Ip> {

    private final IPAddress address;

    private Ip(IPAddress address) {
        this.address = address;
    }

    @JsonCreator
    public static Ip of(String text) {
        IPAddress parsed = new IPAddressString(text).getAddress();
        if (parsed == null || parsed.isPrefixed()) {
            throw new IllegalArgumentException("not an IP address: " + text);
        }
        return new Ip(parsed);
    }

    public IPAddress address() {
        return address;
    }

    /** The address as a /32 (host) CIDR, the form firewall rules want. */
    public Cidr asHostCidr() {
        return Cidr.host(address);
    }

    @JsonValue
    @Override
    public String toString() {
        return address.toCanonicalString();
    }

    @Override
    public int compareTo(Ip other) {
        return address.compareTo(other.address);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ip other && address.equals(other.address);
    }

    @Override
    public int hashCode() {
        return address.hashCode();
    }
}
