package dev.clusterspec.emit.report;

import java.util.List;

/**
 * A runbook paragraph: its lines joined with one space, {@code `code`} spans, and {@code {#id}} for the
 * number of an earlier step (so that prose says "step 2" without stating the number a second time).
 */
final class InlineMarkup {

    private final RenderedTemplate source;
    private final int first;
    private final int[] lineStarts;
    private final String text;

    private InlineMarkup(RenderedTemplate source, int first, int end) {
        this.source = source;
        this.first = first;
        this.lineStarts = new int[end - first];
        StringBuilder joined = new StringBuilder();
        for (int i = first; i < end; i++) {
            joined.append(i > first ? " " : "");
            lineStarts[i - first] = joined.length();
            joined.append(source.line(i).strip());
        }
        this.text = joined.toString();
    }

    /** The spans of the paragraph on lines {@code first} (inclusive) to {@code end} (exclusive) of {@code source}. */
    static List<Span> spans(RenderedTemplate source, int first, int end, Steps steps) {
        return new InlineMarkup(source, first, end).spans(steps);
    }

    private List<Span> spans(Steps steps) {
        Inline inline = new Inline();
        StringBuilder plain = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            if (text.charAt(i) == '`') {
                int close = text.indexOf('`', i + 1);
                if (close < 0 || close == i + 1) {
                    throw error(i, close < 0 ? "unclosed code span" : "empty code span");
                }
                inline.text(LiteralValues.restore(plain.toString())).code(LiteralValues.restore(text.substring(i + 1, close)));
                plain.setLength(0);
                i = close + 1;
            } else if (text.startsWith("{#", i)) {
                int close = text.indexOf('}', i);
                if (close < 0) {
                    throw error(i, "unclosed step reference {#");
                }
                String id = text.substring(i + 2, close);
                int at = i;
                plain.append(steps.number(id).orElseThrow(() -> error(at, "{#" + id + "} names no earlier step")));
                i = close + 1;
            } else {
                plain.append(text.charAt(i++));
            }
        }
        return inline.text(LiteralValues.restore(plain.toString())).spans();
    }

    /** The problem at {@code offset} of the joined text, on the line it came from. */
    private IllegalStateException error(int offset, String problem) {
        int line = lineStarts.length - 1;
        while (lineStarts[line] > offset) {
            line--;
        }
        return source.error(first + line, problem);
    }
}
