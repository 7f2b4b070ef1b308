package dev.clusterspec.emit.report;

import java.util.List;

/** What one runbook template rendered, as lines, so that a problem in it names the template and the line. */
record RenderedTemplate(String name, List<String> lines) {

    RenderedTemplate {
        lines = List.copyOf(lines);
    }

    static RenderedTemplate of(String name, String text) {
        return new RenderedTemplate(name, List.of(text.split("\r?\n", -1)));
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
