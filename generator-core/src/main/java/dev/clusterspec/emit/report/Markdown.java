package dev.clusterspec.emit.report;

/** Escaping for the Markdown twin: text that renders as itself, in paragraphs and in table cells. */
final class Markdown {

    private static final String SPECIAL = "\\`*_[]<>|&#!~";

    private Markdown() {}

    /** Plain text: every character Markdown (GitHub flavour) could read as markup is backslash-escaped. */
    static String text(String value) {
        int first = 0;
        while (first < value.length() && !needsEscape(value.charAt(first))) {
            first++;
        }
        if (first == value.length()) {
            return value; // most cells: names, addresses, ports
        }
        StringBuilder out = new StringBuilder(value.length() + 8).append(value, 0, first);
        for (int i = first; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\n' || c == '\r') {
                out.append(' ');
            } else if (SPECIAL.indexOf(c) >= 0) {
                out.append('\\').append(c);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean needsEscape(char c) {
        return c == '\n' || c == '\r' || SPECIAL.indexOf(c) >= 0;
    }

    /**
     * A code span: fenced with one backtick more than the longest run inside, padded when the value
     * starts or ends with a backtick. {@code |} stays escaped because GitHub splits table cells on it
     * even inside code spans.
     */
    static String code(String value) {
        String flat = value.replace('\n', ' ').replace('\r', ' ').replace("|", "\\|");
        String fence = "`".repeat(longestRun(flat, '`') + 1);
        boolean pad = flat.startsWith("`") || flat.endsWith("`");
        return fence + (pad ? " " : "") + flat + (pad ? " " : "") + fence;
    }

    /** A fence for a code block that no line of {@code body} can close. */
    static String fence(String body) {
        return "`".repeat(Math.max(3, longestRun(body, '`') + 1));
    }

    private static int longestRun(String value, char c) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < value.length(); i++) {
            run = value.charAt(i) == c ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }
}
