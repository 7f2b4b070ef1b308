package dev.clusterspec.plan.firewall;

/**
 * An inclusive destination port range, or a named container port (only network policies can
 * resolve names, against the destination pod's ports). {@link #ALL} is every port, and is what
 * flows of protocols without ports (ICMP, ANY) carry.
 */
public record PortRange(int from, int to, String name) implements Comparable<PortRange> {

    public static final PortRange ALL = new PortRange(1, 65535, null);

    public PortRange {
        if (name != null) {
            if (name.isBlank() || from != 0 || to != 0) {
                throw new IllegalArgumentException("a named port has no numbers: " + name);
            }
        } else if (from < 1 || to > 65535 || from > to) {
            throw new IllegalArgumentException("not a port range: " + from + "-" + to);
        }
    }

    public static PortRange of(int port) {
        return new PortRange(port, port, null);
    }

    public static PortRange range(int from, int to) {
        return new PortRange(from, to, null);
    }

    /** A container port by name, e.g. {@code metrics}. */
    public static PortRange named(String name) {
        return new PortRange(0, 0, name);
    }

    public boolean isNamed() {
        return name != null;
    }

    public boolean isAll() {
        return name == null && from == 1 && to == 65535;
    }

    public boolean isSingle() {
        return name == null && from == to;
    }

    /** Whether {@code port} lies in the range (never for a named port). */
    public boolean contains(int port) {
        return name == null && port >= from && port <= to;
    }

    /** {@code 443}, {@code 2379-2380}, {@code all} or the port's name. */
    @Override
    public String toString() {
        if (name != null) {
            return name;
        }
        if (isAll()) {
            return "all";
        }
        return from == to ? Integer.toString(from) : from + "-" + to;
    }

    @Override
    public int compareTo(PortRange other) {
        if (isNamed() != other.isNamed()) {
            return isNamed() ? 1 : -1;
        }
        if (isNamed()) {
            return name.compareTo(other.name);
        }
        return from != other.from ? Integer.compare(from, other.from) : Integer.compare(to, other.to);
    }
}
