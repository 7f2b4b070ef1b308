package dev.clusterspec.yaml;

import java.util.Set;

/**
 * When Yaml's mapper asks for double quotes before the emitter looks at a scalar: the rules of
 * jackson-dataformat-yaml's generator and {@code StringQuotingChecker.Default} for the features
 * Yaml enables, plus those of {@code Yaml.Yaml11SafeQuoting}, written out as plain checks because
 * the regular expression is what made writing slow. Only asked about text with no line break.
 */
final class QuotingRules {

    /** The checker's reserved words; property names are quoted only in exactly these spellings. */
    private static final Set<String> RESERVED_WORDS = Set.of(
            "false", "False", "FALSE", "n", "N", "no", "No", "NO", "null", "Null", "NULL",
            "on", "On", "ON", "off", "Off", "OFF", "true", "True", "TRUE", "y", "Y", "yes", "Yes", "YES");

    /** Yaml11SafeQuoting's words, matched ignoring ASCII case as its pattern's {@code (?i)} does. */
    private static final Set<String> YAML11_WORDS = Set.of("y", "n", "yes", "no", "on", "off", "true", "false", "null");

    /** Every word in both sets has at most this many letters and starts with one of these. */
    private static final int LONGEST_WORD = 5;
    private static final String WORD_INITIALS = "fnotyFNOTY";

    private QuotingRules() {}

    /** A non-empty property name the generator writes double-quoted. */
    static boolean quotesName(String name) {
        if (startsLikeNumberOrTilde(name) || (couldBeWord(name) && RESERVED_WORDS.contains(name))) {
            return true;
        }
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) < 0x20) {
                return true;
            }
        }
        return false;
    }

    /** A non-empty string value without line breaks that the generator writes double-quoted. */
    static boolean quotesValue(String value) {
        return startsLikeNumberOrTilde(value)
                || value.equals("<<")
                || value.equals("=")
                || isYaml11Word(value)
                || hasQuotableCharacter(value);
    }

    /** A leading digit, sign or dot reads as a number in YAML 1.1; a leading {@code ~} as null. */
    private static boolean startsLikeNumberOrTilde(String text) {
        char first = text.charAt(0);
        return (first >= '0' && first <= '9') || first == '-' || first == '+' || first == '.' || first == '~';
    }

    /** A cheap test first: most names and values are longer or start otherwise. */
    private static boolean couldBeWord(String text) {
        return text.length() <= LONGEST_WORD && WORD_INITIALS.indexOf(text.charAt(0)) >= 0;
    }

    /** Not String.equalsIgnoreCase: that also folds non-ASCII letters, which the pattern does not. */
    private static boolean isYaml11Word(String value) {
        if (!couldBeWord(value)) {
            return false;
        }
        int length = value.length();
        char[] lower = new char[length];
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            lower[i] = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        }
        return YAML11_WORDS.contains(new String(lower));
    }

    /** Flow indicators anywhere, a comment start, or a colon that would end a key. */
    private static boolean hasQuotableCharacter(String value) {
        int last = value.length() - 1;
        for (int i = 0; i <= last; i++) {
            switch (value.charAt(i)) {
                case '[', ']', '{', '}', ',':
                    return true;
                case '#':
                    if (i == 0 || isBlank(value.charAt(i - 1))) {
                        return true;
                    }
                    break;
                case ':':
                    if (i == last || isBlank(value.charAt(i + 1))) {
                        return true;
                    }
                    break;
                default:
                    break;
            }
        }
        return false;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }
}
