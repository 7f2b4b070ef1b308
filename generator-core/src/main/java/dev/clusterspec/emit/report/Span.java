package dev.clusterspec.emit.report;

import java.util.LinkedHashMap;
import java.util.Map;

/** A piece of inline text: plain, or code (commands, paths, addresses). */
record Span(String text, boolean code) {

    static Span text(String text) {
        return new Span(text, false);
    }

    static Span code(String text) {
        return new Span(text, true);
    }

    /** The template model: the raw text (the HTML template escapes it) and its Markdown form. */
    Map<String, Object> model() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("text", text);
        m.put("code", code);
        m.put("md", code ? Markdown.code(text) : Markdown.text(text));
        return m;
    }
}
