package dev.clusterspec.connectivity;

import java.util.Arrays;

/**
 * An immutable set of ports in 1..65535, kept as sorted, disjoint, non-adjacent closed intervals
 * so that union and intersection are linear merges and printing can merge contiguous ports.
 */
public final class PortSet {
    public static final int MIN_PORT = 1;
    public static final int MAX_PORT = 65535;
    public static final PortSet NONE = new PortSet(new int[0]);
    public static final PortSet ALL = new PortSet(new int[] {MIN_PORT, MAX_PORT});

    /** Pairs of (first, last), ascending. */
    private final int[] bounds;

    private PortSet(int[] bounds) {
        this.bounds = bounds;
    }

    /** The ports first..last, clipped to the valid port range; empty when first > last. */
    public static PortSet range(int first, int last) {
        int from = Math.max(first, MIN_PORT);
        int to = Math.min(last, MAX_PORT);
        if (from > to) {
            return NONE;
        }
        if (from == MIN_PORT && to == MAX_PORT) {
            return ALL;
        }
        return new PortSet(new int[] {from, to});
    }

    public static PortSet of(int port) {
        return range(port, port);
    }

    public boolean isEmpty() {
        return bounds.length == 0;
    }

    public boolean isAll() {
        return bounds.length == 2 && bounds[0] == MIN_PORT && bounds[1] == MAX_PORT;
    }

    public boolean contains(int port) {
        for (int i = 0; i < bounds.length; i += 2) {
            if (port >= bounds[i] && port <= bounds[i + 1]) {
                return true;
            }
        }
        return false;
    }

    public PortSet union(PortSet other) {
        if (other.isEmpty() || this.isAll()) {
            return this;
        }
        if (this.isEmpty() || other.isAll()) {
            return other;
        }
        int[] out = new int[bounds.length + other.bounds.length];
        int n = 0;
        int i = 0;
        int j = 0;
        while (i < bounds.length || j < other.bounds.length) {
            int first;
            int last;
            if (j >= other.bounds.length || (i < bounds.length && bounds[i] <= other.bounds[j])) {
                first = bounds[i];
                last = bounds[i + 1];
                i += 2;
            } else {
                first = other.bounds[j];
                last = other.bounds[j + 1];
                j += 2;
            }
            // merge into the previous interval when overlapping or adjacent
            if (n > 0 && first <= out[n - 1] + 1) {
                out[n - 1] = Math.max(out[n - 1], last);
            } else {
                out[n++] = first;
                out[n++] = last;
            }
        }
        return normalised(Arrays.copyOf(out, n));
    }

    public PortSet intersect(PortSet other) {
        if (this.isAll() || other.isEmpty()) {
            return other;
        }
        if (other.isAll() || this.isEmpty()) {
            return this;
        }
        int[] out = new int[bounds.length + other.bounds.length];
        int n = 0;
        int i = 0;
        int j = 0;
        while (i < bounds.length && j < other.bounds.length) {
            int first = Math.max(bounds[i], other.bounds[j]);
            int last = Math.min(bounds[i + 1], other.bounds[j + 1]);
            if (first <= last) {
                out[n++] = first;
                out[n++] = last;
            }
            if (bounds[i + 1] < other.bounds[j + 1]) {
                i += 2;
            } else {
                j += 2;
            }
        }
        return normalised(Arrays.copyOf(out, n));
    }

    private static PortSet normalised(int[] bounds) {
        if (bounds.length == 0) {
            return NONE;
        }
        if (bounds.length == 2 && bounds[0] == MIN_PORT && bounds[1] == MAX_PORT) {
            return ALL;
        }
        return new PortSet(bounds);
    }

    /** Ascending ports with contiguous runs as {@code a-b}, comma separated: {@code 53,8080-8081}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < bounds.length; i += 2) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(bounds[i]);
            if (bounds[i + 1] != bounds[i]) {
                sb.append('-').append(bounds[i + 1]);
            }
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PortSet other && Arrays.equals(bounds, other.bounds);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bounds);
    }
}
