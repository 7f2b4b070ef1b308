package dev.clusterspec.yaml;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Writes JSON exactly as Jackson's pretty printer does in the layouts the tool uses, from Jackson
 * trees or from plain maps, lists, strings, numbers, booleans and null. Building Jackson's object
 * mapper takes a quarter of a second in a new JVM, a good part of a whole generate; JsonWriterTest
 * compares every layout with Jackson's output.
 */
public final class JsonWriter {

    /** How nested values are laid out; each is one configuration of Jackson's default pretty printer. */
    public enum Layout {
        /** One line, no spaces: what Jackson's {@code JsonNode.toString} gives. */
        COMPACT(":", false, false),
        /** {@code "key" : value}, arrays on one line: Jackson's default pretty printer. */
        DEFAULT(" : ", true, false),
        /** {@code "key": value}, arrays on one line. */
        COLON_AFTER(": ", true, false),
        /** {@code "key": value}, one array element per line: diff-friendly, for Terraform files. */
        ONE_PER_LINE(": ", true, true);

        private final String nameValue;
        private final boolean pretty;
        private final boolean arraysIndented;

        Layout(String nameValue, boolean pretty, boolean arraysIndented) {
            this.nameValue = nameValue;
            this.pretty = pretty;
            this.arraysIndented = arraysIndented;
        }
    }

    private static final String HEX = "0123456789ABCDEF";

    private final Layout layout;
    private final StringBuilder out = new StringBuilder(4096);

    private JsonWriter(Layout layout) {
        this.layout = layout;
    }

    /** {@code value} (a {@link JsonNode}, or maps, lists and scalars) as JSON text, without a final newline. */
    public static String write(Object value, Layout layout) {
        JsonWriter writer = new JsonWriter(layout);
        writer.value(value, 0);
        return writer.out.toString();
    }

    /** A JSON string literal, escaped as Jackson escapes it. */
    public static String quote(String text) {
        return quoted(text, new StringBuilder(text.length() + 2)).toString();
    }

    private void value(Object value, int nesting) {
        if (value instanceof JsonNode node) {
            node(node, nesting);
        } else if (value instanceof Map<?, ?> map) {
            object(map.entrySet().iterator(), nesting);
        } else if (value instanceof List<?> list) {
            array(list.iterator(), nesting);
        } else if (value instanceof String text) {
            quoted(text, out);
        } else if (value == null || value instanceof Boolean || value instanceof Integer || value instanceof Long) {
            out.append(value);
        } else if (value instanceof Double d) {
            number(d);
        } else {
            throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
        }
    }

    private void node(JsonNode node, int nesting) {
        if (node.isObject()) {
            object(node.properties().iterator(), nesting);
        } else if (node.isArray()) {
            array(node.values().iterator(), nesting);
        } else if (node.isString()) {
            quoted(node.stringValue(), out);
        } else if (node.isDouble() || node.isFloat()) {
            number(node.doubleValue());
        } else if (node.isNumber() || node.isBoolean()) {
            out.append(node.asString());
        } else if (node.isNull()) {
            out.append("null");
        } else {
            throw new IllegalArgumentException("not a JSON value: " + node.getNodeType());
        }
    }

    private void object(Iterator<? extends Map.Entry<?, ?>> entries, int nesting) {
        out.append('{');
        if (!entries.hasNext()) {
            out.append(layout.pretty ? " }" : "}");
            return;
        }
        while (entries.hasNext()) {
            Map.Entry<?, ?> entry = entries.next();
            newline(nesting + 1);
            quoted(String.valueOf(entry.getKey()), out).append(layout.nameValue);
            value(entry.getValue(), nesting + 1);
            if (entries.hasNext()) {
                out.append(',');
            }
        }
        newline(nesting);
        out.append('}');
    }

    private void array(Iterator<?> values, int nesting) {
        out.append('[');
        if (!values.hasNext()) {
            out.append(layout.pretty ? " ]" : "]");
            return;
        }
        // Jackson's one-line arrays do not count as a level for the objects inside them
        int inner = layout.arraysIndented ? nesting + 1 : nesting;
        boolean first = true;
        while (values.hasNext()) {
            Object element = values.next();
            if (!first) {
                out.append(',');
            }
            space(inner);
            value(element, inner);
            first = false;
        }
        space(nesting);
        out.append(']');
    }

    private void space(int nesting) {
        if (layout.arraysIndented) {
            newline(nesting);
        } else if (layout.pretty) {
            out.append(' ');
        }
    }

    private void newline(int nesting) {
        if (!layout.pretty) {
            return;
        }
        out.append('\n');
        for (int i = 0; i < nesting; i++) {
            out.append("  ");
        }
    }

    private void number(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            quoted(Double.toString(d), out);
        } else {
            out.append(d);
        }
    }

    private static StringBuilder quoted(String value, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 15));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"');
    }
}
