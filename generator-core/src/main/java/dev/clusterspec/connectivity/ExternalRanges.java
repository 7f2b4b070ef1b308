package dev.clusterspec.connectivity;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.TreeSet;

/**
 * Splits the IPv4 space into the external peers that the output names.
 *
 * <p>Two addresses belong to the same piece when every referenced block either contains both or
 * neither; each such class is then cut into its maximal contiguous ranges. So the pieces are as
 * coarse as the policies allow: adjacent excepts ({@code 10.0.0.0/9}, {@code 10.128.0.0/9}) do not
 * cause a cut between them, while disjoint ranges that behave alike stay separate peers.
 */
final class ExternalRanges {
    private ExternalRanges() {
    }

    static List<IpRange> split(Collection<IpBlock> blocks) {
        List<IpBlock> distinct = List.copyOf(new LinkedHashSet<>(blocks));
        TreeSet<Long> cuts = new TreeSet<>();
        for (IpBlock block : distinct) {
            for (IpRange r : block.ranges()) {
                cuts.add(r.first());
                cuts.add(r.last() + 1);
            }
        }
        cuts.remove(0L);
        cuts.add(IpRange.MAX_ADDRESS + 1);
        // walk the elementary intervals between cuts, extending the current piece while the
        // interval belongs to the same blocks as the piece
        List<IpRange> result = new ArrayList<>();
        long pieceStart = 0;
        BitSet pieceBlocks = signature(distinct, 0);
        for (long cut : cuts) {
            if (cut > IpRange.MAX_ADDRESS) {
                break;
            }
            BitSet next = signature(distinct, cut);
            if (!next.equals(pieceBlocks)) {
                result.add(new IpRange(pieceStart, cut - 1));
                pieceStart = cut;
                pieceBlocks = next;
            }
        }
        result.add(new IpRange(pieceStart, IpRange.MAX_ADDRESS));
        return result;
    }

    /** Which blocks hold the elementary interval starting at {@code address}. */
    private static BitSet signature(List<IpBlock> blocks, long address) {
        BitSet bits = new BitSet(blocks.size());
        for (int i = 0; i < blocks.size(); i++) {
            if (blocks.get(i).contains(address)) {
                bits.set(i);
            }
        }
        return bits;
    }
}
