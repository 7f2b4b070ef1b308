package dev.clusterspec.connectivity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The IPv4 addresses an {@code ipBlock} peer stands for: its CIDR minus its excepts, as sorted
 * disjoint ranges. IPv6 blocks have no IPv4 addresses, so they are represented as empty and
 * match no external range (the analyser models the IPv4 space only).
 */
public record IpBlock(List<IpRange> ranges) {

    public IpBlock {
        ranges = List.copyOf(ranges);
    }

    /**
     * @throws IllegalArgumentException with a message fit for the user when a CIDR is malformed
     */
    public static IpBlock of(String cidr, List<String> excepts) {
        Optional<IpRange> base = parseCidr(cidr);
        if (base.isEmpty()) {
            return new IpBlock(List.of());
        }
        List<IpRange> result = new ArrayList<>(List.of(base.get()));
        for (String except : excepts) {
            Optional<IpRange> cut = parseCidr(except);
            if (cut.isPresent()) {
                result = subtract(result, cut.get());
            }
        }
        return new IpBlock(result);
    }

    public boolean contains(IpRange range) {
        for (IpRange r : ranges) {
            if (r.contains(range)) {
                return true;
            }
        }
        return false;
    }

    public boolean contains(long address) {
        for (IpRange r : ranges) {
            if (r.contains(address)) {
                return true;
            }
        }
        return false;
    }

    private static List<IpRange> subtract(List<IpRange> from, IpRange cut) {
        List<IpRange> out = new ArrayList<>();
        for (IpRange r : from) {
            if (cut.last() < r.first() || cut.first() > r.last()) {
                out.add(r);
                continue;
            }
            if (r.first() < cut.first()) {
                out.add(new IpRange(r.first(), cut.first() - 1));
            }
            if (cut.last() < r.last()) {
                out.add(new IpRange(cut.last() + 1, r.last()));
            }
        }
        return out;
    }

    /**
     * Parses {@code a.b.c.d/n} (a bare address counts as /32); host bits are ignored, as the
     * network stack would. Returns empty for IPv6.
     */
    static Optional<IpRange> parseCidr(String text) {
        String cidr = text.trim();
        if (cidr.contains(":")) {
            return Optional.empty();
        }
        int slash = cidr.indexOf('/');
        String address = slash < 0 ? cidr : cidr.substring(0, slash);
        int prefix = slash < 0 ? 32 : parsePrefix(cidr.substring(slash + 1), text);
        long value = parseAddress(address, text);
        long size = 1L << (32 - prefix);
        long first = value & ~(size - 1) & IpRange.MAX_ADDRESS;
        return Optional.of(new IpRange(first, first + size - 1));
    }

    private static int parsePrefix(String prefix, String text) {
        try {
            int p = Integer.parseInt(prefix);
            if (p >= 0 && p <= 32) {
                return p;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("'" + text + "' is not a valid CIDR (prefix length must be 0-32)");
    }

    private static long parseAddress(String address, String text) {
        String[] parts = address.split("\\.", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("'" + text + "' is not a valid IPv4 CIDR");
        }
        long value = 0;
        for (String part : parts) {
            int octet;
            try {
                octet = part.isEmpty() || part.length() > 3 ? -1 : Integer.parseInt(part);
            } catch (NumberFormatException e) {
                octet = -1;
            }
            if (octet < 0 || octet > 255) {
                throw new IllegalArgumentException("'" + text + "' is not a valid IPv4 CIDR");
            }
            value = (value << 8) | octet;
        }
        return value;
    }
}
