package dev.clusterspec.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An IPv4 address of the spec (the schema has checked the syntax before binding), kept as its
 * 32-bit value. The spec has no IPv6, and a few lines of our own parse, order and print dotted
 * quads faster than a general address library loads.
 */
public final class Ip implements Comparable<Ip> {

    private final long value;

    private Ip(long value) {
        this.value = value;
    }

    @JsonCreator
    public static Ip of(String text) {
        long value = parse(text, 0, text.length());
        if (value < 0) {
            throw new IllegalArgumentException("not an IP address: " + text);
        }
        return new Ip(value);
    }

    /** The address with this 32-bit value. */
    public static Ip of(long value) {
        if (value < 0 || value > MAX) {
            throw new IllegalArgumentException("not an IPv4 address value: " + value);
        }
        return new Ip(value);
    }

    static final long MAX = 0xFFFF_FFFFL;

    /**
     * The value of the dotted quad {@code text[from, to)}: four decimal numbers of 0 to 255 without
     * leading zeros, as the schema writes them; -1 when it is not one.
     */
    static long parse(String text, int from, int to) {
        long value = 0;
        int at = from;
        for (int octet = 0; octet < 4; octet++) {
            if (octet > 0) {
                if (at >= to || text.charAt(at) != '.') {
                    return -1;
                }
                at++;
            }
            int start = at;
            int number = 0;
            while (at < to && at - start < 3 && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
                number = number * 10 + (text.charAt(at) - '0');
                at++;
            }
            if (at == start || number > 255 || (at - start > 1 && text.charAt(start) == '0')) {
                return -1;
            }
            value = (value << 8) | number;
        }
        return at == to ? value : -1;
    }

    /** The address as an unsigned 32-bit number. */
    public long value() {
        return value;
    }

    /** The address as a /32 (host) CIDR, the form firewall rules want. */
    public Cidr asHostCidr() {
        return Cidr.host(this);
    }

    @JsonValue
    @Override
    public String toString() {
        return ((value >> 24) & 255) + "." + ((value >> 16) & 255) + "." + ((value >> 8) & 255) + "." + (value & 255);
    }

    @Override
    public int compareTo(Ip other) {
        return Long.compare(value, other.value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ip other && value == other.value;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(value);
    }
}
