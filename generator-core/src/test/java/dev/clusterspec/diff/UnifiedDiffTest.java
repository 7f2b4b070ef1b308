package dev.clusterspec.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnifiedDiffTest {

    private static List<String> numbered(int count) {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            lines.add("l" + i);
        }
        return lines;
    }

    /** The lines as a text with a final newline. */
    private static String text(List<String> lines) {
        return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
    }

    private static List<String> hunks(List<String> before, List<String> after) {
        return UnifiedDiff.hunks(text(before), text(after), 3);
    }

    @Test
    void oneChangedLineHasThreeLinesOfContextOnEachSide() {
        List<String> before = numbered(10);
        List<String> after = new ArrayList<>(before);
        after.set(4, "L5");
        assertThat(hunks(before, after)).containsExactly(
                "@@ -2,7 +2,7 @@", " l2", " l3", " l4", "-l5", "+L5", " l6", " l7", " l8");
    }

    @Test
    void equalSidesHaveNoHunks() {
        assertThat(hunks(numbered(5), numbered(5))).isEmpty();
        assertThat(hunks(List.of(), List.of())).isEmpty();
    }

    @Test
    void emptyBeforeSideNamesLineZero() {
        assertThat(hunks(List.of(), List.of("a", "b"))).containsExactly("@@ -0,0 +1,2 @@", "+a", "+b");
        assertThat(hunks(List.of("a"), List.of())).containsExactly("@@ -1 +0,0 @@", "-a");
    }

    @Test
    void distantChangesAreSeparateHunksAndCloseOnesMerge() {
        List<String> before = numbered(30);
        List<String> after = new ArrayList<>(before);
        after.set(1, "X2");
        after.set(25, "X26");
        List<String> hunks = hunks(before, after);
        assertThat(hunks).filteredOn(l -> l.startsWith("@@")).containsExactly("@@ -1,5 +1,5 @@", "@@ -23,7 +23,7 @@");

        List<String> close = new ArrayList<>(before);
        close.set(9, "X10");
        close.set(15, "X16"); // five equal lines between: the two contexts overlap
        assertThat(hunks(before, close)).filteredOn(l -> l.startsWith("@@"))
                .containsExactly("@@ -7,13 +7,13 @@");
    }

    @Test
    void insertionInTheMiddle() {
        List<String> before = numbered(6);
        List<String> after = new ArrayList<>(before);
        after.add(3, "new");
        assertThat(hunks(before, after)).containsExactly(
                "@@ -1,6 +1,7 @@", " l1", " l2", " l3", "+new", " l4", " l5", " l6");
    }

    @Test
    void aMissingFinalNewlineIsVisible() {
        assertThat(UnifiedDiff.hunks("a\nb\n", "a\nb", 3)).containsExactly(
                "@@ -1,2 +1,2 @@", " a", "-b", "+b", UnifiedDiff.NO_NEWLINE);
    }

    @Test
    void emptyLinesAreLinesToo() {
        assertThat(UnifiedDiff.hunks("a\n\nb\n", "a\nb\n", 3)).containsExactly("@@ -1,3 +1,2 @@", " a", "-", " b");
    }

    @Test
    void longContextLinesAreShortenedButChangedLinesAreNot() {
        String certificate = "    crt: " + "Q".repeat(1500);
        String oldKey = "    key: " + "A".repeat(300);
        String newKey = "    key: " + "B".repeat(300);
        List<String> hunks = hunks(List.of("ca:", certificate, oldKey), List.of("ca:", certificate, newKey));
        assertThat(hunks).containsExactly("@@ -1,3 +1,3 @@", " ca:",
                " " + certificate.substring(0, 120) + "... (" + (certificate.length() - 120) + " more characters)",
                "-" + oldKey, "+" + newKey);
    }
}
