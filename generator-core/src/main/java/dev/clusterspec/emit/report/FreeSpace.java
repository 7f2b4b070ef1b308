package dev.clusterspec.emit.report;

import dev.clusterspec.spec.Cidr;
import dev.clusterspec.spec.Ip;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The unused part of an IPv4 block: the block minus the addresses and blocks taken from it, as
 * ranges and as the fewest CIDR blocks that cover them.
 */
final class FreeSpace {

    /** An inclusive range of IPv4 addresses, as unsigned 32-bit values. */
    record Range(long first, long last) {
        long size() {
            return last - first + 1;
        }

        @Override
        public String toString() {
            return first == last ? Ip.of(first).toString() : Ip.of(first) + "-" + Ip.of(last);
        }
    }

    private final Cidr block;
    private final List<Range> taken = new ArrayList<>();

    FreeSpace(Cidr block) {
        this.block = block;
    }

    FreeSpace take(Ip ip) {
        long v = ip.value();
        return take(new Range(v, v));
    }

    FreeSpace take(Cidr cidr) {
        long first = cidr.network().value();
        return take(new Range(first, first + cidr.size() - 1));
    }

    /** The n-th address of the block (negative: counted from the end, -1 being the last). */
    FreeSpace takeOffset(long n) {
        long v = n >= 0 ? first() + n : last() + n + 1;
        return take(new Range(v, v));
    }

    private FreeSpace take(Range range) {
        long first = Math.max(range.first(), first());
        long last = Math.min(range.last(), last());
        if (first <= last) {
            taken.add(new Range(first, last));
        }
        return this;
    }

    long size() {
        return block.size();
    }

    List<Range> free() {
        List<Range> sorted = taken.stream().sorted(Comparator.comparingLong(Range::first)).toList();
        List<Range> free = new ArrayList<>();
        long next = first();
        for (Range t : sorted) {
            if (t.first() > next) {
                free.add(new Range(next, t.first() - 1));
            }
            next = Math.max(next, t.last() + 1);
        }
        if (next <= last()) {
            free.add(new Range(next, last()));
        }
        return free;
    }

    long freeCount() {
        return free().stream().mapToLong(Range::size).sum();
    }

    /** The free ranges as text, e.g. {@code 10.0.0.4-10.0.0.9, 10.0.0.14}. */
    String ranges() {
        return free().stream().map(Range::toString).collect(Collectors.joining(", "));
    }

    /** The free space as the fewest CIDR blocks, e.g. {@code 10.1.1.0/24, 10.1.2.0/23}. */
    String blocks() {
        return free().stream().flatMap(r -> Cidr.covering(Ip.of(r.first()), Ip.of(r.last())).stream())
                .map(Cidr::toString).collect(Collectors.joining(", "));
    }

    private long first() {
        return block.network().value();
    }

    private long last() {
        return first() + size() - 1;
    }
}
