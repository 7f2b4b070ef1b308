package dev.clusterspec.yaml;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Random Jackson trees for comparing {@link TreeYamlWriter} with the mapper: nested mappings and
 * sequences, empty ones, and scalars drawn from text that is awkward for YAML (words YAML 1.1
 * reads as booleans or null, numbers, indicators, quotes, blanks at the ends, line breaks,
 * tabs, non-ASCII, control characters, long lines) plus numbers, booleans and nulls.
 */
final class RandomYamlTrees {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final List<String> TRICKY = List.of(
            "", " ", " lead", "trail ", "a  b", "yes", "No", "ON", "off", "y", "N", "True", "FALSE", "nULL", "~", "~x",
            "null", "Null", "0x1F", "1e3", "0", "-1", "+1", ".5", "1.", "1_000", "12:30", "2024-01-01", "0o17",
            ".inf", "-.Inf", ".NaN", "<<", "=", "==", "-", "--", "---", "--- a", "...", "....", "- a", "-a", "a-",
            "a: b", "a:b", "a:", ":a", ": a", ":", "?", "? a", "?a", "a?", "a #b", "a#b", "#x", "# x", "@x", "`x",
            "!x", "&x", "*x", "%x", "|x", ">x", "{x", "x}", "[x", "x]", "a,b", ",", "'q'", "\"q\"", "it's", "a\"b",
            "back\\slash", "a\tb", "\ttab", "tab\t", "é", "日本", "naïve café", "😀", "a😀b", "\u00A0nbsp", "\u0007bell",
            "cr\rlf", "\u0085", "line\u2028sep", "\uFEFFbom", "kelvin\u212A", "yeſ", "x".repeat(90), "word ".repeat(30),
            "one\ntwo", "one\ntwo\n", "one\ntwo\n\n", "one\ntwo\n\n\n", "\nleading break", "\n", "\n\n", "a\n",
            " lead\nline", "trail \nline", "line\ntrail ", "line\n  indented\n", "- item\n- item\n", "a: b\nc: d\n",
            "tab\there\nline", "é\nmulti", "#!/bin/sh\necho hi\n", "x\n\n\ny", "quote \"in\"\nblock", "'\n'");

    private static final String ALPHABET = "aZ09 -:#'\"\n\t{}[],.~!&*?|>%@`\\/=<+_é日";

    private final Random random;

    RandomYamlTrees(long seed) {
        this.random = new Random(seed);
    }

    /** A mapping or sequence as a document's root, sometimes empty. */
    JsonNode document() {
        return random.nextInt(5) == 0 ? sequence(3) : mapping(3);
    }

    private JsonNode node(int depthLeft) {
        int kind = random.nextInt(10);
        if (depthLeft > 0 && kind < 2) {
            return mapping(depthLeft - 1);
        }
        if (depthLeft > 0 && kind < 4) {
            return sequence(depthLeft - 1);
        }
        return random.nextInt(3) == 0 ? nonString() : NODES.stringNode(text());
    }

    private ObjectNode mapping(int depthLeft) {
        ObjectNode mapping = NODES.objectNode();
        int size = random.nextInt(6) == 0 ? 0 : 1 + random.nextInt(5);
        for (int i = 0; i < size; i++) {
            mapping.set(key(), node(depthLeft));
        }
        return mapping;
    }

    private ArrayNode sequence(int depthLeft) {
        ArrayNode sequence = NODES.arrayNode();
        int size = random.nextInt(6) == 0 ? 0 : 1 + random.nextInt(4);
        for (int i = 0; i < size; i++) {
            sequence.add(node(depthLeft));
        }
        return sequence;
    }

    private String key() {
        return switch (random.nextInt(8)) {
            case 0, 1 -> text();
            case 2 -> "k" + random.nextInt(1000) + (random.nextBoolean() ? " with space" : ":colon");
            case 3 -> random.nextBoolean() ? "x".repeat(120 + random.nextInt(20)) : String.valueOf(random.nextInt(100));
            default -> "key" + random.nextInt(50);
        };
    }

    private String text() {
        return switch (random.nextInt(10)) {
            case 0, 1, 2, 3 -> TRICKY.get(random.nextInt(TRICKY.size()));
            case 4 -> TRICKY.get(random.nextInt(TRICKY.size())) + TRICKY.get(random.nextInt(TRICKY.size()));
            case 5, 6 -> randomCharacters(1 + random.nextInt(12));
            case 7 -> multiLine();
            case 8 -> "plain-" + random.nextInt(100_000);
            default -> random.nextInt(20) == 0 ? randomCharacters(300 + random.nextInt(700)) : "value " + random.nextInt(100);
        };
    }

    private String randomCharacters(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }

    private String multiLine() {
        StringBuilder text = new StringBuilder();
        int lines = 1 + random.nextInt(5);
        for (int i = 0; i < lines; i++) {
            if (i > 0) {
                text.append('\n');
            }
            text.append(random.nextInt(4) == 0 ? " ".repeat(1 + random.nextInt(3)) : "");
            text.append(random.nextInt(5) == 0 ? "" : randomCharacters(random.nextInt(6)) + "line " + i);
            text.append(random.nextInt(6) == 0 ? " " : "");
        }
        text.append("\n".repeat(random.nextInt(4)));
        return text.toString();
    }

    private JsonNode nonString() {
        return switch (random.nextInt(12)) {
            case 0 -> NODES.numberNode(random.nextInt());
            case 1 -> NODES.numberNode(random.nextInt(100) - 50);
            case 2 -> NODES.numberNode(random.nextLong());
            case 3 -> NODES.numberNode((short) random.nextInt(1000));
            case 4 -> NODES.numberNode(new BigInteger(100, random));
            case 5 -> NODES.numberNode(random.nextDouble() * Math.pow(10, random.nextInt(40) - 20));
            case 6 -> NODES.numberNode(List.of(0.0, -0.0, 1e300, Double.NaN, Double.POSITIVE_INFINITY, 0.1).get(random.nextInt(6)));
            case 7 -> NODES.numberNode(random.nextFloat());
            case 8 -> NODES.numberNode(new BigDecimal(random.nextInt(10_000)).movePointLeft(2));
            case 9 -> NODES.booleanNode(random.nextBoolean());
            default -> NODES.nullNode();
        };
    }
}
