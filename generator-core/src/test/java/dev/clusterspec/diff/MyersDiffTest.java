package dev.clusterspec.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterspec.diff.MyersDiff.Op;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MyersDiffTest {

    @Test
    void emptySidesGiveOnlyInsertsOrOnlyDeletes() {
        assertThat(MyersDiff.diff(List.of(), List.of())).isEmpty();
        assertThat(MyersDiff.diff(List.of(), List.of("a", "b"))).containsExactly(Op.INSERT, Op.INSERT);
        assertThat(MyersDiff.diff(List.of("a", "b"), List.of())).containsExactly(Op.DELETE, Op.DELETE);
    }

    @Test
    void equalSidesAreAllEqual() {
        assertThat(MyersDiff.diff(List.of("a", "b", "c"), List.of("a", "b", "c")))
                .containsExactly(Op.EQUAL, Op.EQUAL, Op.EQUAL);
    }

    @Test
    void oneChangedLineIsOneDeleteAndOneInsert() {
        List<Op> ops = MyersDiff.diff(List.of("a", "b", "c"), List.of("a", "x", "c"));
        assertThat(ops).containsExactly(Op.EQUAL, Op.DELETE, Op.INSERT, Op.EQUAL);
    }

    @Test
    void findsTheClassicExampleOfThePaper() {
        // ABCABBA -> CBABAC has an LCS of length 4 and an edit distance of 5
        List<String> a = chars("ABCABBA");
        List<String> b = chars("CBABAC");
        List<Op> ops = MyersDiff.diff(a, b);
        assertThat(ops.stream().filter(op -> op == Op.EQUAL).count()).isEqualTo(4);
        assertThat(ops.stream().filter(op -> op != Op.EQUAL).count()).isEqualTo(5);
        assertThat(apply(a, b, ops)).isEqualTo(b);
    }

    @Test
    void nothingInCommonReplacesEverything() {
        List<Op> ops = MyersDiff.diff(chars("abc"), chars("xyz"));
        assertThat(ops).filteredOn(op -> op == Op.EQUAL).isEmpty();
        assertThat(ops).hasSize(6);
    }

    /** Against a textbook dynamic-programming LCS: every script is valid and minimal. */
    @Test
    void matchesADynamicProgrammingLcsOnRandomInputs() {
        Random random = new Random(20261126L);
        for (int round = 0; round < 2000; round++) {
            List<String> a = randomSequence(random, random.nextInt(25), 1 + random.nextInt(5));
            List<String> b = randomSequence(random, random.nextInt(25), 1 + random.nextInt(5));
            List<Op> ops = MyersDiff.diff(a, b);
            assertThat(apply(a, b, ops)).as("script turns %s into %s", a, b).isEqualTo(b);
            assertThat(ops.stream().filter(op -> op == Op.EQUAL).count())
                    .as("LCS of %s and %s", a, b).isEqualTo(lcsLength(a, b));
        }
    }

    @Test
    void handlesLongInputsWithFewChanges() {
        List<String> a = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            a.add("line " + i);
        }
        List<String> b = new ArrayList<>(a);
        b.set(10_000, "changed");
        b.add(5, "inserted");
        b.remove(15_000);
        List<Op> ops = MyersDiff.diff(a, b);
        assertThat(ops.stream().filter(op -> op != Op.EQUAL).count()).isEqualTo(4);
        assertThat(apply(a, b, ops)).isEqualTo(b);
    }

    private static List<String> chars(String s) {
        return s.chars().mapToObj(c -> String.valueOf((char) c)).toList();
    }

    private static List<String> randomSequence(Random random, int length, int alphabet) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            out.add(String.valueOf((char) ('a' + random.nextInt(alphabet))));
        }
        return out;
    }

    /** Replays the script: EQUAL must see equal elements, and the result is what it produces. */
    private static List<String> apply(List<String> a, List<String> b, List<Op> ops) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        for (Op op : ops) {
            switch (op) {
                case EQUAL -> {
                    assertThat(a.get(i)).isEqualTo(b.get(j));
                    out.add(a.get(i++));
                    j++;
                }
                case DELETE -> i++;
                case INSERT -> out.add(b.get(j++));
            }
        }
        assertThat(i).isEqualTo(a.size());
        assertThat(j).isEqualTo(b.size());
        return out;
    }

    private static int lcsLength(List<String> a, List<String> b) {
        int[][] t = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                t[i][j] = a.get(i).equals(b.get(j)) ? t[i + 1][j + 1] + 1 : Math.max(t[i + 1][j], t[i][j + 1]);
            }
        }
        return t[0][0];
    }
}
