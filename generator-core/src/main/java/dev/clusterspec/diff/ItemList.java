package dev.clusterspec.diff;

import java.util.List;
import java.util.Objects;
import org.eclipse.jgit.diff.Sequence;
import org.eclipse.jgit.diff.SequenceComparator;

/** A list of values as a sequence JGit's diff algorithms compare, item by item with {@code equals}. */
final class ItemList extends Sequence {

    static final SequenceComparator<ItemList> EQUALS = new SequenceComparator<>() {
        @Override
        public boolean equals(ItemList a, int ai, ItemList b, int bi) {
            return Objects.equals(a.items.get(ai), b.items.get(bi));
        }

        @Override
        public int hash(ItemList seq, int index) {
            return Objects.hashCode(seq.items.get(index));
        }
    };

    private final List<?> items;

    ItemList(List<?> items) {
        this.items = items;
    }

    @Override
    public int size() {
        return items.size();
    }
}
