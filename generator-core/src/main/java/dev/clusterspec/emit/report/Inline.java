package dev.clusterspec.emit.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds a run of {@link Span}s, so that spec values are never parsed as markup. */
final class Inline {

    private final List<Span> spans = new ArrayList<>();

    static Inline of(String text) {
        return new Inline().text(text);
    }

    Inline text(String text) {
        if (!text.isEmpty()) {
            spans.add(Span.text(text));
        }
        return this;
    }

    Inline code(String code) {
        spans.add(Span.code(code));
        return this;
    }

    List<Span> spans() {
        return List.copyOf(spans);
    }

    static List<Map<String, Object>> model(List<Span> spans) {
        return spans.stream().map(Span::model).toList();
    }
}
