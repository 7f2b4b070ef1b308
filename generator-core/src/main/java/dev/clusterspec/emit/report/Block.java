package dev.clusterspec.emit.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A piece of a report section. Both renderings (HTML and Markdown) read the same blocks, so the two
 * documents cannot say different things. {@link #model()} is what the templates get.
 */
sealed interface Block {

    Map<String, Object> model();

    /** A paragraph of text with inline code. */
    record Paragraph(List<Span> spans) implements Block {
        public Paragraph {
            spans = List.copyOf(spans);
        }

        static Paragraph of(Inline inline) {
            return new Paragraph(inline.spans());
        }

        static Paragraph of(String text) {
            return new Paragraph(Inline.of(text).spans());
        }

        @Override
        public Map<String, Object> model() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", "paragraph");
            m.put("spans", Inline.model(spans));
            return m;
        }
    }

    /** A sub-heading inside a section. */
    record Heading(String id, String title) implements Block {
        @Override
        public Map<String, Object> model() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", "heading");
            m.put("id", id);
            m.put("title", title);
            m.put("md", Markdown.text(title));
            return m;
        }
    }

    /** How a table row should stand out: not at all, as fine, or as a problem. */
    enum Tone {
        NONE(""), GOOD("good"), BAD("bad");

        private final String cssClass;

        Tone(String cssClass) {
            this.cssClass = cssClass;
        }
    }

    record Row(List<String> cells, Tone tone) {
        public Row {
            cells = List.copyOf(cells);
            Objects.requireNonNull(tone);
        }
    }

    /**
     * A table; cells of {@code codeColumns} are code (addresses, paths, commands), {@code numericColumns}
     * are right-aligned. An empty cell is shown as {@code -}.
     */
    record Table(List<String> headers, List<Row> rows, Set<Integer> codeColumns, Set<Integer> numericColumns) implements Block {
        public Table {
            headers = List.copyOf(headers);
            rows = List.copyOf(rows);
            codeColumns = Set.copyOf(codeColumns);
            numericColumns = Set.copyOf(numericColumns);
            for (Row row : rows) {
                if (row.cells().size() != headers.size()) {
                    throw new IllegalArgumentException("row " + row.cells() + " does not match the headers " + headers);
                }
            }
        }

        @Override
        public Map<String, Object> model() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", "table");
            List<Map<String, Object>> heads = new ArrayList<>();
            for (int i = 0; i < headers.size(); i++) {
                Map<String, Object> h = new LinkedHashMap<>();
                h.put("text", headers.get(i));
                h.put("md", Markdown.text(headers.get(i)));
                h.put("align", numericColumns.contains(i) ? "right" : "left");
                heads.add(h);
            }
            m.put("headers", heads);
            List<Map<String, Object>> body = new ArrayList<>();
            for (Row row : rows) {
                List<Map<String, Object>> cells = new ArrayList<>();
                for (int i = 0; i < row.cells().size(); i++) {
                    String text = row.cells().get(i);
                    boolean empty = text.isEmpty();
                    boolean code = codeColumns.contains(i) && !empty;
                    Map<String, Object> cell = new LinkedHashMap<>();
                    cell.put("text", empty ? "-" : text);
                    cell.put("code", code);
                    cell.put("numeric", numericColumns.contains(i));
                    cell.put("md", empty ? "-" : code ? Markdown.code(text) : Markdown.text(text));
                    cells.add(cell);
                }
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("cells", cells);
                r.put("tone", row.tone().cssClass);
                body.add(r);
            }
            m.put("rows", body);
            return m;
        }
    }

    /** Shell commands to run in order; lines starting with {@code #} are comments. */
    record Commands(List<String> lines) implements Block {
        public Commands {
            lines = List.copyOf(lines);
            if (lines.isEmpty()) {
                throw new IllegalArgumentException("no commands");
            }
        }

        @Override
        public Map<String, Object> model() {
            String body = String.join("\n", lines);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", "commands");
            m.put("text", body);
            m.put("fence", Markdown.fence(body));
            return m;
        }
    }

    /** A bulleted list. */
    record Bullets(List<List<Span>> items) implements Block {
        public Bullets {
            items = items.stream().map(List::copyOf).toList();
        }

        @Override
        public Map<String, Object> model() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", "bullets");
            m.put("items", items.stream().map(Inline::model).toList());
            return m;
        }
    }

    /** The topology diagram: inlined into the HTML, linked as a file from the Markdown. */
    record Diagram(String file, String alt) implements Block {
        @Override
        public Map<String, Object> model() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", "diagram");
            m.put("file", file);
            m.put("alt", alt);
            m.put("mdAlt", Markdown.text(alt));
            return m;
        }
    }
}
