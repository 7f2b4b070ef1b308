package dev.clusterspec.yaml;

/**
 * What snakeyaml-engine's emitter looks for in a scalar's text before it settles on a style, found
 * in one pass and returned as bit flags (one scan per scalar, no allocation).
 *
 * <p>Characters whose treatment is not mirrored here are reported as {@link #UNSUPPORTED} rather
 * than guessed at: control characters other than tab and newline (escaped in ways we do not
 * reproduce), C1 controls, the Unicode line and paragraph separators (which the mapper's YAML 1.1
 * pattern treats as line ends), byte-order marks and non-characters, and unpaired surrogates.
 */
final class ScalarTraits {

    static final int UNSUPPORTED = 1;
    static final int NON_ASCII = 1 << 1;
    static final int LINE_BREAK = 1 << 2;
    static final int TAB = 1 << 3;
    static final int LEADING_SPACE = 1 << 4;
    static final int TRAILING_SPACE = 1 << 5;
    static final int SPACE_BEFORE_BREAK = 1 << 6;
    /** Something that would be read as block syntax if the text were written plain. */
    static final int BLOCK_INDICATOR = 1 << 7;

    /** Characters that make a plain scalar impossible when they come first. */
    private static final String LEADING_INDICATORS = "#,[]{}&*!|>'\"%@`";

    private ScalarTraits() {}

    static boolean has(int traits, int flag) {
        return (traits & flag) != 0;
    }

    static int of(String text) {
        int length = text.length();
        if (length == 0) {
            return 0;
        }
        int traits = leadingIndicator(text);
        if (text.charAt(0) == ' ') {
            traits |= LEADING_SPACE;
        }
        if (text.charAt(length - 1) == ' ') {
            traits |= TRAILING_SPACE;
        }
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c > ':' && c < 0x7F) {
                continue; // letters and most punctuation: the bulk of long text, with nothing to note
            }
            if (c >= 0x20 && c < 0x7F) {
                if ((c == ':' || c == '#') && i > 0 && isIndicatorInside(text, i, c)) {
                    traits |= BLOCK_INDICATOR;
                }
            } else if (c == '\n') {
                traits |= LINE_BREAK;
                if (i > 0 && text.charAt(i - 1) == ' ') {
                    traits |= SPACE_BEFORE_BREAK;
                }
            } else if (c == '\t') {
                traits |= TAB;
            } else if (c <= 0x9F || c == '\u2028' || c == '\u2029' || c == '\uFEFF' || c >= '\uFFFE') {
                return traits | UNSUPPORTED;
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 == length || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return traits | UNSUPPORTED;
                }
                i++;
                traits |= NON_ASCII;
            } else if (Character.isLowSurrogate(c)) {
                return traits | UNSUPPORTED;
            } else {
                traits |= NON_ASCII;
            }
        }
        return traits;
    }

    /** The first character, or the document markers {@code ---} and {@code ...}. */
    private static int leadingIndicator(String text) {
        char first = text.charAt(0);
        if (LEADING_INDICATORS.indexOf(first) >= 0 || text.startsWith("---") || text.startsWith("...")) {
            return BLOCK_INDICATOR;
        }
        if ((first == '?' || first == ':' || first == '-')
                && (text.length() == 1 || isSpaceOrBreak(text.charAt(1)))) {
            return BLOCK_INDICATOR;
        }
        return 0;
    }

    /**
     * A colon before a blank or at the end, or a hash after a blank. The emitter also counts a
     * character right after a line break as followed by a blank; that only matters for text with
     * line breaks, which is never written plain, but is kept so the flag means the same.
     */
    private static boolean isIndicatorInside(String text, int i, char c) {
        char previous = text.charAt(i - 1);
        if (c == '#') {
            return previous == ' ' || previous == '\t' || previous == '\n';
        }
        return i == text.length() - 1 || text.charAt(i + 1) == ' ' || text.charAt(i + 1) == '\t' || previous == '\n';
    }

    private static boolean isSpaceOrBreak(char c) {
        return c == ' ' || c == '\t' || c == '\n';
    }
}
