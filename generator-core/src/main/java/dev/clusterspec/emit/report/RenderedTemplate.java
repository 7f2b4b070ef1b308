package dev.clusterspec.emit.report;

import java.util.ArrayList;
import java.util.List;

/** What one runbook template rendered, as lines, so that a problem in it names the template and the line. */
record RenderedTemplate(String name, List<String> lines) {

    RenderedTemplate {
        lines = List.copyOf(lines);
    }

    /** Split at each newline (and a carriage return before it), with an empty last line after a final newline. */
    static RenderedTemplate of(String name, String text) {
        List<String> lines = new ArrayList<>();
        int from = 0;
        for (int end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', from)) {
            lines.add(text.substring(from, end > from && text.charAt(end - 1) == '\r' ? end - 1 : end));
            from = end + 1;
        }
        lines.add(text.substring(from));
        return new RenderedTemplate(name, lines);
    }

    int size() {
        return lines.size();
    }

    String line(int index) {
        return lines.get(index);
    }

    /** The problem at {@code index} (0-based), with the line as it was rendered (values as they are). */
    IllegalStateException error(int index, String problem) {
        return new IllegalStateException("template " + name + ", line " + (index + 1) + " of its output: " + problem + ": "
                + LiteralValues.restore(lines.get(index)).strip());
    }
}
