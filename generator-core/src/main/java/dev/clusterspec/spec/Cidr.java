package dev.clusterspec.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** An IPv4 CIDR block of the spec, e.g. {@code 10.0.0.0/24}, kept as written. */
public final class Cidr implements Comparable<Cidr> {

    private final String text;
    private final long network;
    private final int prefixLength;

    private Cidr(String text, long network, int prefixLength) {
        this.text = text;
        this.network = network;
        this.prefixLength = prefixLength;
    }

    @JsonCreator
    public static Cidr of(String text) {
        int slash = text.indexOf('/');
        long address = slash < 0 ? -1 : Ip.parse(text, 0, slash);
        int prefix = slash < 0 ? -1 : prefixLength(text, slash + 1);
        if (address < 0 || prefix < 0) {
            throw new IllegalArgumentException("not a CIDR: " + text);
        }
        return new Cidr(text, address & mask(prefix), prefix);
    }

    private static int prefixLength(String text, int from) {
        int length = text.length() - from;
        if (length < 1 || length > 2 || (length == 2 && text.charAt(from) == '0')) {
            return -1;
        }
        int prefix = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            prefix = prefix * 10 + (c - '0');
        }
        return prefix <= 32 ? prefix : -1;
    }

    /** The /32 block of one address. */
    static Cidr host(Ip ip) {
        return block(ip.value(), 32);
    }

    private static Cidr block(long network, int prefixLength) {
        return new Cidr(Ip.of(network) + "/" + prefixLength, network, prefixLength);
    }

    private static long mask(int prefixLength) {
        return prefixLength == 0 ? 0 : (Ip.MAX << (32 - prefixLength)) & Ip.MAX;
    }

    /** True when the address part has bits set below the prefix, e.g. {@code 10.0.0.5/24}. */
    public boolean hasHostBits() {
        return Ip.parse(text, 0, text.indexOf('/')) != network;
    }

    public boolean contains(Ip ip) {
        return (ip.value() & mask(prefixLength)) == network;
    }

    public boolean contains(Cidr other) {
        return other.prefixLength >= prefixLength && (other.network & mask(prefixLength)) == network;
    }

    public boolean overlaps(Cidr other) {
        return contains(other) || other.contains(this);
    }

    public int prefixLength() {
        return prefixLength;
    }

    public Ip network() {
        return Ip.of(network);
    }

    /** The n-th address of the block, counting the network address as 0. */
    public Ip addressAt(long n) {
        return Ip.of(network + n);
    }

    /** How many addresses the block holds. */
    public long size() {
        return 1L << (32 - prefixLength);
    }

    private long last() {
        return network + size() - 1;
    }

    /**
     * The fewest CIDR blocks that cover exactly the union of {@code blocks}, in address order:
     * covered blocks vanish and neighbours combine (10.0.0.12/32 + 10.0.0.13/32 = 10.0.0.12/31).
     */
    public static List<Cidr> merge(Collection<Cidr> blocks) {
        List<Cidr> sorted = new ArrayList<>(blocks);
        sorted.sort(Comparator.comparingLong((Cidr c) -> c.network));
        List<Cidr> merged = new ArrayList<>();
        long start = -1;
        long end = -1;
        for (Cidr block : sorted) {
            if (start >= 0 && block.network <= end + 1) {
                end = Math.max(end, block.last());
                continue;
            }
            if (start >= 0) {
                covering(start, end, merged);
            }
            start = block.network;
            end = block.last();
        }
        if (start >= 0) {
            covering(start, end, merged);
        }
        return List.copyOf(merged);
    }

    /** The fewest blocks that cover exactly the addresses from {@code first} to {@code last}, in address order. */
    public static List<Cidr> covering(Ip first, Ip last) {
        List<Cidr> blocks = new ArrayList<>();
        covering(first.value(), last.value(), blocks);
        return blocks;
    }

    /** The range [first, last] as the fewest aligned blocks, largest possible at each step. */
    private static void covering(long first, long last, List<Cidr> out) {
        long at = first;
        while (at <= last) {
            int prefix = at == 0 ? 0 : Math.max(32 - Long.numberOfTrailingZeros(at), 0);
            while ((1L << (32 - prefix)) > last - at + 1) {
                prefix++;
            }
            out.add(block(at, prefix));
            at += 1L << (32 - prefix);
        }
    }

    @JsonValue
    @Override
    public String toString() {
        return text;
    }

    /** Smaller blocks first, then by address. */
    @Override
    public int compareTo(Cidr other) {
        int bySize = Integer.compare(other.prefixLength, prefixLength);
        return bySize != 0 ? bySize : Long.compare(network, other.network);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cidr other && network == other.network && prefixLength == other.prefixLength;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(network) * 31 + prefixLength;
    }
}
