package dev.clusterspec.yaml;

/**
 * Writes a scalar in the style {@link ScalarStyle} chose, as snakeyaml-engine's emitter writes it
 * with line splitting off: one line for plain and quoted text, a {@code |} block for literal text.
 */
final class ScalarWriter {

    private ScalarWriter() {}

    static void write(YamlCursor cursor, String text, ScalarStyle style) {
        switch (style) {
            // without line breaks, a plain scalar is placed exactly like an indicator that needs a blank before it
            case PLAIN -> cursor.indicator(text, true, false, false);
            case SINGLE_QUOTED -> singleQuoted(cursor, text);
            case DOUBLE_QUOTED -> doubleQuoted(cursor, text);
            case LITERAL -> literal(cursor, text);
        }
    }

    private static void singleQuoted(YamlCursor cursor, String text) {
        cursor.indicator("'", true, false, false);
        int start = 0;
        for (int quote = text.indexOf('\''); quote >= 0; quote = text.indexOf('\'', start)) {
            cursor.text(text, start, quote);
            cursor.text("''");
            start = quote + 1;
        }
        cursor.text(text, start, text.length());
        cursor.indicator("'", false, false, false);
    }

    /** Only ASCII text reaches here; of it, the emitter escapes the quote, the backslash, tab and newline. */
    private static void doubleQuoted(YamlCursor cursor, String text) {
        cursor.indicator("\"", true, false, false);
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\' || c < 0x20) {
                cursor.text(text, start, i);
                cursor.text(escape(c));
                start = i + 1;
            }
        }
        cursor.text(text, start, text.length());
        cursor.indicator("\"", false, false, false);
    }

    private static String escape(char c) {
        return switch (c) {
            case '"' -> "\\\"";
            case '\\' -> "\\\\";
            case '\t' -> "\\t";
            case '\n' -> "\\n";
            default -> throw new IllegalArgumentException("no escape mirrored for U+" + Integer.toHexString(c));
        };
    }

    /**
     * {@code |} with the emitter's hints: an indentation indicator when the text starts with a
     * blank or a line break, {@code -} without a final line break, {@code +} with more than one.
     * Each non-empty line is indented; empty lines stay empty.
     */
    private static void literal(YamlCursor cursor, String text) {
        cursor.indicator(literalHeader(text), true, false, false);
        cursor.lineBreak();
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            int lineEnd = end < 0 ? text.length() : end;
            if (lineEnd > start) {
                cursor.writeIndent();
                cursor.rawLine(text, start, lineEnd);
            }
            cursor.lineBreak();
            start = lineEnd + 1;
        }
    }

    private static String literalHeader(String text) {
        int last = text.length() - 1;
        boolean indentationIndicator = text.charAt(0) == ' ' || text.charAt(0) == '\n';
        String chomping = text.charAt(last) != '\n' ? "-" : last == 0 || text.charAt(last - 1) == '\n' ? "+" : "";
        return (indentationIndicator ? "|" + YamlCursor.INDENT_STEP : "|") + chomping;
    }
}
