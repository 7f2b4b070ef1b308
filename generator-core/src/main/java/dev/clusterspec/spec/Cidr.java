package dev.clusterspec.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/** A CIDR block of the spec, e.g. {@code 10.0.0.0/24}, kept as written. */
public final class Cidr implements Comparable<Cidr> {

    private final String text;
    private final IPAddress block;

    private Cidr(String text, IPAddress block) {
        this.text = text;
        this.block = block;
    }

    @JsonCreator
    public static Cidr of(String text) {
        IPAddress parsed = new IPAddressString(text).getAddress();
        if (parsed == null || !parsed.isPrefixed()) {
            throw new IllegalArgumentException("not a CIDR: " + text);
        }
        return new Cidr(text, parsed.toPrefixBlock());
    }

    /** The /32 (or /128) block of one address, without parsing text again. */
    static Cidr host(IPAddress address) {
        IPAddress block = address.toPrefixBlock(address.getBitCount());
        return new Cidr(block.toCanonicalString(), block);
    }

    /** True when the address part has bits set below the prefix, e.g. {@code 10.0.0.5/24}. */
    public boolean hasHostBits() {
        return !new IPAddressString(text).getHostAddress().equals(block.getLower().withoutPrefixLength());
    }

    public boolean contains(Ip ip) {
        return block.contains(ip.address());
    }

    public boolean contains(Cidr other) {
        return block.contains(other.block);
    }

    public boolean overlaps(Cidr other) {
        return block.contains(other.block) || other.block.contains(block);
    }

    public int prefixLength() {
        return block.getPrefixLength();
    }

    public Ip network() {
        return Ip.of(block.getLower().withoutPrefixLength().toCanonicalString());
    }

    /** The n-th address of the block, counting the network address as 0. */
    public Ip addressAt(long n) {
        return Ip.of(block.getLower().withoutPrefixLength().increment(n).toCanonicalString());
    }

    /**
     * The fewest CIDR blocks that cover exactly the union of {@code blocks}, in address order:
     * covered blocks vanish and neighbours combine (10.0.0.12/32 + 10.0.0.13/32 = 10.0.0.12/31).
     */
    public static List<Cidr> merge(Collection<Cidr> blocks) {
        if (blocks.isEmpty()) {
            return List.of();
        }
        IPAddress[] all = blocks.stream().map(c -> c.block).toArray(IPAddress[]::new);
        IPAddress[] merged = all[0].mergeToPrefixBlocks(all);
        return Arrays.stream(merged).map(b -> new Cidr(b.toCanonicalString(), b)).toList();
    }

    public BigInteger size() {
        return block.getCount();
    }

    @JsonValue
    @Override
    public String toString() {
        return text;
    }

    @Override
    public int compareTo(Cidr other) {
        return block.compareTo(other.block);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cidr other && block.equals(other.block);
    }

    @Override
    public int hashCode() {
        return block.hashCode();
    }
}
