package dev.clusterspec.diff;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jgit.diff.DiffAlgorithm;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.EditList;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;

/**
 * Unified diff hunks ({@code @@ -l,s +l,s @@}, a fixed number of context lines) as git writes them,
 * from JGit's histogram diff and its formatter: a missing final newline shows as git shows it
 * ({@code \ No newline at end of file}).
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

    /** Hunk lines only (no file headers); empty when the two texts are equal. */
    static List<String> hunks(String before, String after, int context) {
        RawText a = new RawText(before.getBytes(StandardCharsets.UTF_8));
        RawText b = new RawText(after.getBytes(StandardCharsets.UTF_8));
        EditList edits = DiffAlgorithm.getAlgorithm(DiffAlgorithm.SupportedAlgorithm.HISTOGRAM).diff(RawTextComparator.DEFAULT, a, b);
        if (edits.isEmpty()) {
            return List.of();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DiffFormatter formatter = new ShortContextFormatter(out)) {
            formatter.setContext(context);
            formatter.format(edits, a, b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    /** Writes long context lines shortened; changed lines in full. */
    private static final class ShortContextFormatter extends DiffFormatter {

        private final ByteArrayOutputStream out;

        ShortContextFormatter(ByteArrayOutputStream out) {
            super(out);
            this.out = out;
        }

        @Override
        protected void writeContextLine(RawText text, int line) throws IOException {
            String content = text.getString(line);
            if (content.length() <= MAX_CONTEXT_LINE) {
                super.writeContextLine(text, line);
                return;
            }
            String shortened = " " + content.substring(0, SHORTENED_CONTEXT_LINE) + "... ("
                    + (content.length() - SHORTENED_CONTEXT_LINE) + " more characters)\n";
            out.write(shortened.getBytes(StandardCharsets.UTF_8));
        }
    }
}
