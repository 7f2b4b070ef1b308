package dev.clusterspec.yaml;

import static dev.clusterspec.yaml.ScalarTraits.BLOCK_INDICATOR;
import static dev.clusterspec.yaml.ScalarTraits.LEADING_SPACE;
import static dev.clusterspec.yaml.ScalarTraits.LINE_BREAK;
import static dev.clusterspec.yaml.ScalarTraits.NON_ASCII;
import static dev.clusterspec.yaml.ScalarTraits.SPACE_BEFORE_BREAK;
import static dev.clusterspec.yaml.ScalarTraits.TAB;
import static dev.clusterspec.yaml.ScalarTraits.TRAILING_SPACE;
import static dev.clusterspec.yaml.ScalarTraits.UNSUPPORTED;
import static dev.clusterspec.yaml.ScalarTraits.has;

/**
 * The style a scalar ends up in when Yaml's mapper writes it: first the style the Jackson
 * generator asks for ({@link QuotingRules}), then what snakeyaml-engine's emitter makes of that
 * request given the text ({@link ScalarTraits}). {@code null} where this class does not mirror the
 * outcome, and the whole document goes to the Jackson path instead.
 */
enum ScalarStyle {
    PLAIN, SINGLE_QUOTED, DOUBLE_QUOTED, LITERAL;

    /** The emitter writes longer keys as explicit {@code ? key} entries, which are not mirrored. */
    private static final int LONGEST_SIMPLE_KEY = 127;

    static ScalarStyle forName(String name, int traits) {
        // an empty, multi-line or long key becomes an explicit "? key" entry
        if (name.isEmpty() || name.length() > LONGEST_SIMPLE_KEY || has(traits, LINE_BREAK | UNSUPPORTED)) {
            return null;
        }
        return settle(QuotingRules.quotesName(name) ? DOUBLE_QUOTED : PLAIN, traits);
    }

    static ScalarStyle forString(String value, int traits) {
        if (has(traits, UNSUPPORTED)) {
            return null;
        }
        if (value.isEmpty()) {
            return DOUBLE_QUOTED;
        }
        if (has(traits, LINE_BREAK)) {
            return settle(LITERAL, traits);
        }
        return settle(QuotingRules.quotesValue(value) ? DOUBLE_QUOTED : PLAIN, traits);
    }

    /** Numbers, booleans and null: asked for plain, then judged by the emitter like any text. */
    static ScalarStyle forNonString(int traits) {
        return has(traits, UNSUPPORTED) ? null : settle(PLAIN, traits);
    }

    /**
     * The emitter's answer to a request: plain only without blanks at either end, tabs, or
     * indicators; a literal block only without trailing blanks on a line or tabs; else single
     * quotes for a plain request without tabs, and double quotes as the last resort.
     */
    private static ScalarStyle settle(ScalarStyle requested, int traits) {
        ScalarStyle style = switch (requested) {
            case PLAIN -> has(traits, LEADING_SPACE | TRAILING_SPACE | TAB | BLOCK_INDICATOR)
                    ? has(traits, TAB) ? DOUBLE_QUOTED : SINGLE_QUOTED
                    : PLAIN;
            case LITERAL -> has(traits, TRAILING_SPACE | SPACE_BEFORE_BREAK | TAB) ? DOUBLE_QUOTED : LITERAL;
            default -> requested;
        };
        // the emitter escapes or keeps non-ASCII characters in double quotes by rules not mirrored here
        return style == DOUBLE_QUOTED && has(traits, NON_ASCII) ? null : style;
    }
}
