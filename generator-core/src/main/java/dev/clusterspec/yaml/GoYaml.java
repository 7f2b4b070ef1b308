package dev.clusterspec.yaml;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Scalars written the way Go's YAML encoders ({@code gopkg.in/yaml.v3}, {@code go.yaml.in/yaml/v4})
 * write strings, which is what talosctl uses for {@code secrets.yaml} and talosconfig: plain when
 * that reads back as the same string, double-quoted when a plain scalar would read as a number,
 * boolean, null or timestamp, single-quoted when YAML syntax characters get in the way.
 *
 * <p>Files are written with Go's default indent of four spaces, sequences indented under their key.
 */
public final class GoYaml {

    public static final String INDENT = "    ";

    private static final Set<String> NON_STRING_WORDS = Set.of(
            "", "~", "null", "Null", "NULL",
            "true", "True", "TRUE", "false", "False", "FALSE",
            // YAML 1.1 booleans, which Go encoders still quote for older readers
            "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO",
            "on", "On", "ON", "off", "Off", "OFF",
            ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF",
            ".nan", ".NaN", ".NAN");
    private static final Pattern NUMBER = Pattern.compile(
            "[-+]?(\\.[0-9]+|[0-9][0-9_]*(\\.[0-9_]*)?)([eE][-+]?[0-9]+)?"
                    + "|[-+]?0[xX][0-9a-fA-F_]+|[-+]?0[oO][0-7_]+|[-+]?0[bB][01_]+"
                    + "|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\\.[0-9_]*)?");
    private static final Pattern TIMESTAMP = Pattern.compile("[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ].*)?");
    private static final String LEADING_INDICATORS = "-?:,[]{}#&*!|>'\"%@`";

    private GoYaml() {
    }

    /** {@code value} as a scalar in block context; {@code asKey} also guards flow indicators. */
    public static String scalar(String value, boolean asKey) {
        if (NON_STRING_WORDS.contains(value) || NUMBER.matcher(value).matches() || TIMESTAMP.matcher(value).matches()) {
            return doubleQuoted(value);
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return doubleQuoted(value);
            }
        }
        return needsQuotes(value, asKey) ? "'" + value.replace("'", "''") + "'" : value;
    }

    public static String scalar(String value) {
        return scalar(value, false);
    }

    private static boolean needsQuotes(String value, boolean asKey) {
        char first = value.charAt(0);
        char last = value.charAt(value.length() - 1);
        if (first == ' ' || last == ' ' || last == ':') {
            return true;
        }
        if (value.startsWith("---") || value.startsWith("...")) {
            return true;
        }
        if (LEADING_INDICATORS.indexOf(first) >= 0) {
            // '-', '?' and ':' only start a plain scalar when followed by a non-space character
            boolean plainAllowed = (first == '-' || first == '?' || first == ':')
                    && value.length() > 1 && value.charAt(1) != ' ';
            if (!plainAllowed) {
                return true;
            }
        }
        if (value.contains(": ") || value.contains(" #")) {
            return true;
        }
        if (asKey) {
            for (char c : new char[] {',', '[', ']', '{', '}'}) {
                if (value.indexOf(c) >= 0) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String doubleQuoted(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\x%02X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
