package dev.clusterspec.yaml;

import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Writes a Jackson tree as the same block YAML, byte for byte, that Yaml's mapper writes (Jackson's
 * YAML generator over snakeyaml-engine's emitter), without the event pipeline and per-scalar
 * regular expressions that made writing half of a large generate. The walk follows the emitter's
 * states: mappings and sequences in block style, empty ones in flow style, each scalar one level in.
 *
 * <p>It declines whatever it does not mirror with certainty, and the caller then writes the whole
 * document with the mapper: a root that is not a collection, keys that become
 * explicit {@code ? key} entries, text with characters outside {@link ScalarTraits}' range,
 * non-ASCII text in double quotes, non-finite and big-decimal numbers, binary and POJO nodes, and
 * trees nested deeper than {@link #DEEPEST}.
 */
final class TreeYamlWriter {

    /** Jackson refuses trees nested beyond its own limit; deep trees are left to it, so they fail as before. */
    private static final int DEEPEST = 200;

    private final YamlCursor cursor;

    private TreeYamlWriter(YamlCursor cursor) {
        this.cursor = cursor;
    }

    /** The document ending in a line break, or {@code null} when the mapper must write it. */
    static String tryWrite(JsonNode document) {
        StringBuilder out = new StringBuilder(1024);
        return tryWrite(document, out) ? out.toString() : null;
    }

    /** Appends the document ending in a line break; false, with {@code out} as it was, when the mapper must write it. */
    static boolean tryWrite(JsonNode document, StringBuilder out) {
        if (!document.isContainer()) {
            return false;
        }
        int start = out.length();
        YamlCursor cursor = new YamlCursor(out);
        try {
            new TreeYamlWriter(cursor).node(document, false, 0);
        } catch (Declined declined) {
            out.setLength(start);
            return false;
        }
        cursor.writeIndent(); // the document's end finishes its last line
        return true;
    }

    /** {@code valueOfMapping}: the node is a mapping's value, where a sequence need not indent. */
    private void node(JsonNode node, boolean valueOfMapping, int depth) {
        if (depth > DEEPEST) {
            throw Declined.INSTANCE;
        }
        if (node.isObject()) {
            if (node.isEmpty()) {
                emptyFlow("{", "}");
            } else {
                mapping(node, depth);
            }
        } else if (node.isArray()) {
            if (node.isEmpty()) {
                emptyFlow("[", "]");
            } else {
                sequence(node, valueOfMapping, depth);
            }
        } else if (node.isString()) {
            String text = node.stringValue();
            scalar(text, ScalarStyle.forString(text, ScalarTraits.of(text)));
        } else {
            String text = NonStringScalars.text(node);
            if (text == null) {
                throw Declined.INSTANCE;
            }
            scalar(text, ScalarStyle.forNonString(ScalarTraits.of(text)));
        }
    }

    private void mapping(JsonNode mapping, int depth) {
        int outer = cursor.increaseIndent(false, false);
        for (Map.Entry<String, JsonNode> property : mapping.properties()) {
            cursor.writeIndent();
            String name = property.getKey();
            scalar(name, ScalarStyle.forName(name, ScalarTraits.of(name)));
            cursor.indicator(":", false, false, false);
            node(property.getValue(), true, depth + 1);
        }
        cursor.restoreIndent(outer);
    }

    /**
     * A mapping's sequence stays at the key's indentation; other sequences go one level in. The
     * first item's {@code -} gets the indicator indent before it, and the items' content then lines
     * up after that {@code -} (the mapper's INDENT_ARRAYS_WITH_INDICATOR).
     */
    private void sequence(JsonNode sequence, boolean valueOfMapping, int depth) {
        boolean indentless = valueOfMapping && !cursor.onlyIndentationSoFar();
        int outer = cursor.increaseIndent(false, indentless);
        boolean first = true;
        for (JsonNode item : sequence) {
            cursor.writeIndent();
            if (first) {
                cursor.spaces(YamlCursor.INDENT_STEP);
            }
            cursor.indicator("-", true, false, true);
            if (first) {
                cursor.shiftIndent(YamlCursor.INDENT_STEP);
                first = false;
            }
            node(item, false, depth + 1);
        }
        cursor.restoreIndent(outer);
    }

    private void emptyFlow(String open, String close) {
        cursor.indicator(open, true, true, false);
        cursor.indicator(close, false, false, false);
    }

    private void scalar(String text, ScalarStyle style) {
        if (style == null) {
            throw Declined.INSTANCE;
        }
        int outer = cursor.increaseIndent(true, false);
        ScalarWriter.write(cursor, text, style);
        cursor.restoreIndent(outer);
    }

    /** Unwinds the walk when the tree holds something not mirrored; thrown rarely, so kept cheap. */
    private static final class Declined extends RuntimeException {
        static final Declined INSTANCE = new Declined();

        private Declined() {
            super(null, null, false, false);
        }
    }
}
