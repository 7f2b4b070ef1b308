package dev.clusterspec.connectivity;

/** A contiguous IPv4 range, both ends inclusive, as unsigned 32-bit values held in longs. */
public record IpRange(long first, long last) implements Comparable<IpRange> {
    public static final long MAX_ADDRESS = 0xFFFF_FFFFL;
    public static final IpRange ALL = new IpRange(0, MAX_ADDRESS);

    public IpRange {
        if (first < 0 || last > MAX_ADDRESS || first > last) {
            throw new IllegalArgumentException("not an IPv4 range: " + first + "-" + last);
        }
    }

    public boolean contains(IpRange other) {
        return first <= other.first && other.last <= last;
    }

    public boolean contains(long address) {
        return first <= address && address <= last;
    }

    @Override
    public int compareTo(IpRange o) {
        return first != o.first ? Long.compare(first, o.first) : Long.compare(last, o.last);
    }

    /** {@code 10.0.0.0-10.255.255.255}: always a range, even for one address or one CIDR. */
    @Override
    public String toString() {
        return dotted(first) + "-" + dotted(last);
    }

    static String dotted(long address) {
        return ((address >> 24) & 0xFF) + "." + ((address >> 16) & 0xFF) + "."
                + ((address >> 8) & 0xFF) + "." + (address & 0xFF);
    }
}
