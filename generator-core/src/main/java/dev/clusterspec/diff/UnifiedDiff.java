package dev.clusterspec.diff;

import dev.clusterspec.diff.MyersDiff.Op;
import java.util.ArrayList;
import java.util.List;

/**
 * Unified diff text ({@code ---}/{@code +++} headers, {@code @@ -l,s +l,s @@} hunks, a fixed
 * number of context lines) in the form of GNU diff and git, so that people and tools read it as
 * they read any patch.
 */
final class UnifiedDiff {

    static final String NO_NEWLINE = "\\ No newline at end of file";

    /**
     * Context lines longer than this are shortened: they are the same on both sides, and a Talos
     * config's base64 certificates (1.5 KB lines) would otherwise bury the change next to them.
     */
    static final int MAX_CONTEXT_LINE = 200;
    private static final int SHORTENED_CONTEXT_LINE = 120;

    private UnifiedDiff() {}

    /**
     * The lines of a text as the diff compares them. A last line without a line break carries the
     * marker on a line of its own, so that adding or removing a final newline is a visible change.
     */
    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                lines.add(text.substring(start) + "\n" + NO_NEWLINE);
                break;
            }
            lines.add(text.substring(start, end));
            start = end + 1;
        }
        return lines;
    }

    /** Hunk lines only (no file headers); empty when the two sides are equal. */
    static List<String> hunks(List<String> before, List<String> after, int context) {
        List<Op> ops = MyersDiff.diff(before, after);
        int size = ops.size();
        // line numbers (0-based) of both sides where each operation starts
        int[] beforeAt = new int[size + 1];
        int[] afterAt = new int[size + 1];
        for (int i = 0; i < size; i++) {
            Op op = ops.get(i);
            beforeAt[i + 1] = beforeAt[i] + (op == Op.INSERT ? 0 : 1);
            afterAt[i + 1] = afterAt[i] + (op == Op.DELETE ? 0 : 1);
        }
        List<String> out = new ArrayList<>();
        int next = nextChange(ops, 0);
        while (next < size) {
            int start = Math.max(0, next - context);
            int end = next;
            // extend the hunk while the next change is close enough for the contexts to touch
            while (true) {
                while (end < size && ops.get(end) != Op.EQUAL) {
                    end++;
                }
                int following = nextChange(ops, end);
                if (following < size && following - end <= 2 * context) {
                    end = following;
                } else {
                    break;
                }
            }
            int stop = Math.min(size, end + context);
            out.add("@@ -" + range(beforeAt[start], beforeAt[stop] - beforeAt[start])
                    + " +" + range(afterAt[start], afterAt[stop] - afterAt[start]) + " @@");
            for (int i = start; i < stop; i++) {
                switch (ops.get(i)) {
                    case EQUAL -> out.add(" " + shortened(before.get(beforeAt[i])));
                    case DELETE -> out.add("-" + before.get(beforeAt[i]));
                    case INSERT -> out.add("+" + after.get(afterAt[i]));
                }
            }
            next = nextChange(ops, stop);
        }
        return splitMarkers(out);
    }

    private static String shortened(String line) {
        if (line.length() <= MAX_CONTEXT_LINE || line.contains("\n")) {
            return line;
        }
        return line.substring(0, SHORTENED_CONTEXT_LINE) + "... (" + (line.length() - SHORTENED_CONTEXT_LINE)
                + " more characters)";
    }

    private static int nextChange(List<Op> ops, int from) {
        int i = from;
        while (i < ops.size() && ops.get(i) == Op.EQUAL) {
            i++;
        }
        return i;
    }

    /** GNU form: an empty range names the line before it; a count of one is left out. */
    private static String range(int start, int count) {
        if (count == 0) {
            return start + ",0";
        }
        return count == 1 ? String.valueOf(start + 1) : (start + 1) + "," + count;
    }

    /** The no-newline marker travels inside its line while diffing and becomes its own line here. */
    private static List<String> splitMarkers(List<String> lines) {
        List<String> out = new ArrayList<>(lines.size());
        for (String line : lines) {
            int marker = line.indexOf("\n" + NO_NEWLINE);
            if (marker >= 0) {
                out.add(line.substring(0, marker));
                out.add(NO_NEWLINE);
            } else {
                out.add(line);
            }
        }
        return out;
    }
}
