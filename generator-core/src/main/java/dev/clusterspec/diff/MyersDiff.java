package dev.clusterspec.diff;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The shortest edit script between two sequences (Myers, "An O(ND) Difference Algorithm", 1986),
 * in the linear-space form: find the middle of an optimal path by searching from both ends at
 * once, then solve the two halves. Linear space matters because a CRD bundle is thousands of lines
 * and the quadratic table of a plain LCS would not fit.
 */
final class MyersDiff {

    enum Op { EQUAL, DELETE, INSERT }

    private final int[] a;
    private final int[] b;
    private final List<Op> ops;

    private MyersDiff(int[] a, int[] b) {
        this.a = a;
        this.b = b;
        this.ops = new ArrayList<>(a.length + b.length);
    }

    /**
     * One operation per element: EQUAL consumes one element of each side, DELETE one of
     * {@code before}, INSERT one of {@code after}. The number of EQUAL operations is the length of
     * a longest common subsequence. Elements are compared with {@code equals}.
     */
    static <T> List<Op> diff(List<T> before, List<T> after) {
        Map<T, Integer> ids = new HashMap<>();
        MyersDiff run = new MyersDiff(intern(before, ids), intern(after, ids));
        run.solve(0, run.a.length, 0, run.b.length);
        return deletionsFirst(run.ops);
    }

    /**
     * Within each run of changes, removals before additions: the order diff and git print, and the
     * one people read as "this became that". Any order inside a run is the same edit.
     */
    private static List<Op> deletionsFirst(List<Op> ops) {
        List<Op> out = new ArrayList<>(ops.size());
        int i = 0;
        while (i < ops.size()) {
            if (ops.get(i) == Op.EQUAL) {
                out.add(Op.EQUAL);
                i++;
                continue;
            }
            int deletes = 0;
            int inserts = 0;
            for (; i < ops.size() && ops.get(i) != Op.EQUAL; i++) {
                if (ops.get(i) == Op.DELETE) {
                    deletes++;
                } else {
                    inserts++;
                }
            }
            out.addAll(java.util.Collections.nCopies(deletes, Op.DELETE));
            out.addAll(java.util.Collections.nCopies(inserts, Op.INSERT));
        }
        return out;
    }

    /** Equal elements get equal numbers, so the search compares ints instead of calling equals. */
    private static <T> int[] intern(List<T> items, Map<T, Integer> ids) {
        int[] out = new int[items.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ids.computeIfAbsent(items.get(i), k -> ids.size());
        }
        return out;
    }

    private void solve(int aLo, int aHi, int bLo, int bHi) {
        int prefix = 0;
        while (aLo + prefix < aHi && bLo + prefix < bHi && a[aLo + prefix] == b[bLo + prefix]) {
            prefix++;
        }
        emit(Op.EQUAL, prefix);
        aLo += prefix;
        bLo += prefix;
        int suffix = 0;
        while (aHi - suffix > aLo && bHi - suffix > bLo && a[aHi - 1 - suffix] == b[bHi - 1 - suffix]) {
            suffix++;
        }
        aHi -= suffix;
        bHi -= suffix;

        if (aLo == aHi) {
            emit(Op.INSERT, bHi - bLo);
        } else if (bLo == bHi) {
            emit(Op.DELETE, aHi - aLo);
        } else {
            int[] split = middle(aLo, aHi, bLo, bHi);
            boolean progress = split != null
                    && !(split[0] == aLo && split[1] == bLo) && !(split[0] == aHi && split[1] == bHi);
            if (progress) {
                solve(aLo, split[0], bLo, split[1]);
                solve(split[0], aHi, split[1], bHi);
            } else {
                // nothing in common (or no split that shrinks the problem): replace the whole range
                emit(Op.DELETE, aHi - aLo);
                emit(Op.INSERT, bHi - bLo);
            }
        }
        emit(Op.EQUAL, suffix);
    }

    private void emit(Op op, int count) {
        for (int i = 0; i < count; i++) {
            ops.add(op);
        }
    }

    /**
     * A point on an optimal edit path that splits the range into two smaller problems, or null when
     * the two ranges share nothing. Forward search from the top-left corner and backward search
     * from the bottom-right one advance one edit at a time until their furthest reaching paths meet.
     * Diagonals that ran off the grid are dropped from later rounds.
     */
    private int[] middle(int aLo, int aHi, int bLo, int bHi) {
        int n = aHi - aLo;
        int m = bHi - bLo;
        int maxD = (n + m + 1) / 2;
        int offset = maxD + 1;
        int length = 2 * maxD + 3;
        int[] forward = new int[length];
        int[] backward = new int[length];
        java.util.Arrays.fill(forward, -1);
        java.util.Arrays.fill(backward, -1);
        forward[offset + 1] = 0;
        backward[offset + 1] = 0;
        int delta = n - m;
        // with an odd delta the paths meet while searching forward, with an even one backward
        boolean checkOnForward = (delta & 1) != 0;
        int forwardStart = 0;
        int forwardEnd = 0;
        int backwardStart = 0;
        int backwardEnd = 0;
        for (int d = 0; d < maxD; d++) {
            for (int k = -d + forwardStart; k <= d - forwardEnd; k += 2) {
                int ko = offset + k;
                int x = (k == -d || (k != d && forward[ko - 1] < forward[ko + 1])) ? forward[ko + 1] : forward[ko - 1] + 1;
                int y = x - k;
                while (x < n && y < m && a[aLo + x] == b[bLo + y]) {
                    x++;
                    y++;
                }
                forward[ko] = x;
                if (x > n) {
                    forwardEnd += 2;
                } else if (y > m) {
                    forwardStart += 2;
                } else if (checkOnForward) {
                    int bo = offset + delta - k;
                    if (bo >= 0 && bo < length && backward[bo] != -1 && x >= n - backward[bo]) {
                        return new int[] {aLo + x, bLo + y};
                    }
                }
            }
            for (int k = -d + backwardStart; k <= d - backwardEnd; k += 2) {
                int ko = offset + k;
                int x = (k == -d || (k != d && backward[ko - 1] < backward[ko + 1])) ? backward[ko + 1] : backward[ko - 1] + 1;
                int y = x - k;
                while (x < n && y < m && a[aHi - x - 1] == b[bHi - y - 1]) {
                    x++;
                    y++;
                }
                backward[ko] = x;
                if (x > n) {
                    backwardEnd += 2;
                } else if (y > m) {
                    backwardStart += 2;
                } else if (!checkOnForward) {
                    int fo = offset + delta - k;
                    if (fo >= 0 && fo < length && forward[fo] != -1) {
                        int fx = forward[fo];
                        int fy = fx - (fo - offset);
                        if (fx >= n - x) {
                            return new int[] {aLo + fx, bLo + fy};
                        }
                    }
                }
            }
        }
        return null;
    }
}
