package dev.clusterspec.yaml;

/**
 * The output of {@link TreeYamlWriter} and where it stands: column, indentation, and whether the
 * line so far is blank or only indicators. The decisions of snakeyaml-engine's emitter (break the
 * line or not, how far to indent, whether an indicator needs a space before it) depend on exactly
 * this state, so it is kept with the same meaning and updated by the same rules.
 */
final class YamlCursor {

    /** No indentation chosen yet: the document root, before its collection starts. */
    static final int NO_INDENT = -1;

    /** Spaces per nesting level and before a sequence's {@code -}, as Yaml's mapper configures them. */
    static final int INDENT_STEP = 2;

    /** Runs of spaces, appended whole rather than one space at a time. */
    private static final String[] SPACES = new String[64];

    static {
        for (int i = 0; i < SPACES.length; i++) {
            SPACES[i] = " ".repeat(i);
        }
    }

    private final StringBuilder out;
    private int column;
    /** The last character written was a space or a line break. */
    private boolean whitespace = true;
    /** The current line holds only indentation and block indicators ({@code -}). */
    private boolean indentation = true;
    private int indent = NO_INDENT;

    YamlCursor(StringBuilder out) {
        this.out = out;
    }

    boolean onlyIndentationSoFar() {
        return indentation;
    }

    /** Opens a nesting level and returns the indentation to restore when it closes. */
    int increaseIndent(boolean flow, boolean indentless) {
        int previous = indent;
        if (indent == NO_INDENT) {
            indent = flow ? INDENT_STEP : 0;
        } else if (!indentless) {
            indent += INDENT_STEP;
        }
        return previous;
    }

    /** After a sequence's first {@code -}: the later items' {@code -} line up under it. */
    void shiftIndent(int by) {
        indent += by;
    }

    void restoreIndent(int previous) {
        indent = previous;
    }

    /** Moves to the current indentation, starting a new line unless this one is still blank up to there. */
    void writeIndent() {
        int target = indent == NO_INDENT ? 0 : indent;
        if (!indentation || column > target || (column == target && !whitespace)) {
            lineBreak();
        }
        spaces(target - column);
    }

    /**
     * Writes an indicator ({@code -}, {@code :}, quotes, block headers) or a one-line token, with a
     * blank before it when asked and the previous character is not one.
     */
    void indicator(String indicator, boolean needsSpaceBefore, boolean countsAsWhitespace, boolean keepsIndentation) {
        if (needsSpaceBefore && !whitespace) {
            out.append(' ');
            column++;
        }
        whitespace = countsAsWhitespace;
        indentation &= keepsIndentation;
        out.append(indicator);
        column += indicator.length();
    }

    void spaces(int count) {
        if (count <= 0) {
            return;
        }
        whitespace = true;
        column += count;
        int left = count;
        for (; left >= SPACES.length; left -= SPACES.length - 1) {
            out.append(SPACES[SPACES.length - 1]);
        }
        out.append(SPACES[left]);
    }

    void lineBreak() {
        out.append('\n');
        column = 0;
        whitespace = true;
        indentation = true;
    }

    /** Scalar text that the caller has checked holds no line break. */
    void text(String text) {
        out.append(text);
        column += text.length();
    }

    void text(String text, int from, int to) {
        if (from < to) {
            out.append(text, from, to);
            column += to - from;
        }
    }

    /** A literal block's line: written as is, its column no longer matters because a line break follows. */
    void rawLine(String text, int from, int to) {
        out.append(text, from, to);
    }
}
