package dev.clusterspec.emit.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Keeps the runbook's values from being read as markup of its text form ({@link RunbookDocument}):
 * before rendering, each character the form gives a meaning (a backtick, {@code |}, {@code #}, a line
 * break) is swapped in every string of the model for a private-use stand-in, and {@link #restore}
 * swaps it back in the text of the parsed blocks. So templates need no escaping, and a value from the
 * spec never closes a code span, splits a table cell, starts a heading or ends a command block.
 *
 * <p>The model is checked on the way: only strings, numbers, booleans, lists and maps with string
 * keys, so that the templates get values and never the plan's objects.
 */
final class LiteralValues {

    private static final String MARKUP = "`|#\n\r";
    private static final char FIRST_STAND_IN = '\uE000';

    private LiteralValues() {}

    static Map<String, Object> protect(Map<String, ?> model) {
        Map<String, Object> copy = new LinkedHashMap<>();
        model.forEach((key, value) -> copy.put(key, protectValue(key, value)));
        return copy;
    }

    static String restore(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int markup = c - FIRST_STAND_IN;
            out.append(markup >= 0 && markup < MARKUP.length() ? MARKUP.charAt(markup) : c);
        }
        return out.toString();
    }

    private static Object protectValue(String key, Object value) {
        if (value == null || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof String text) {
            return protectText(key, text);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(item -> copy.add(protectValue(key, item)));
            return copy;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put((String) k, protectValue((String) k, v)));
            return copy;
        }
        throw new IllegalArgumentException("runbook value " + key + " is a " + value.getClass().getSimpleName()
                + ": the templates get only strings, numbers, booleans, lists and maps");
    }

    private static String protectText(String key, String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= FIRST_STAND_IN && c < FIRST_STAND_IN + MARKUP.length()) {
                throw new IllegalArgumentException("runbook value " + key + " holds U+" + Integer.toHexString(c).toUpperCase(Locale.ROOT)
                        + ", a character the runbook reserves: " + text);
            }
            int markup = MARKUP.indexOf(c);
            out.append(markup >= 0 ? (char) (FIRST_STAND_IN + markup) : c);
        }
        return out.toString();
    }
}
