package dev.clusterspec.yaml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Reads one JSON text (RFC 8259) into maps (in document order), lists, strings, longs, doubles,
 * booleans and null, or into a Jackson tree. For the files the tool reads on its quick paths (the
 * output index, its bundled schema and data): in a new JVM, building Jackson's object mapper takes
 * a quarter of a second, longer than an unchanged run or a validation does without it.
 */
public final class JsonReader {

    private final String text;
    private int at;

    private JsonReader(String text) {
        this.text = text;
    }

    /** The value {@code text} holds; {@link IllegalArgumentException} when it is not exactly one JSON value. */
    public static Object read(String text) {
        JsonReader reader = new JsonReader(text);
        Object value = reader.value();
        reader.skipSpace();
        if (reader.at != text.length()) {
            throw reader.error("text after the value");
        }
        return value;
    }

    /**
     * The value {@code text} holds as a Jackson tree, numbers as Jackson reads them (int when they fit,
     * else long or double).
     */
    public static JsonNode readTree(String text) {
        return tree(read(text));
    }

    private static JsonNode tree(Object value) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = new JsonObject();
            map.forEach((k, v) -> object.set((String) k, tree(v)));
            return object;
        }
        if (value instanceof List<?> list) {
            ArrayNode array = new JsonArray(list.size());
            list.forEach(v -> array.add(tree(v)));
            return array;
        }
        if (value instanceof String s) {
            return new JsonString(s);
        }
        if (value instanceof Long l) {
            return l == l.intValue() ? nodes.numberNode(l.intValue()) : nodes.numberNode(l);
        }
        if (value instanceof Double d) {
            return nodes.numberNode(d);
        }
        if (value instanceof Boolean b) {
            return nodes.booleanNode(b);
        }
        return nodes.nullNode();
    }

    /*
     * Nodes that write their own JSON text. Jackson's toString builds an object mapper on first use,
     * a quarter of a second in a new JVM, and the schema validator calls it while it reads our schema
     * (for every enum value) and validates a spec (for "not"). Each equals Jackson's node of the same
     * content, and writes what Jackson writes.
     */

    private static final class JsonObject extends ObjectNode {
        private static final long serialVersionUID = 1L;

        JsonObject() {
            super(JsonNodeFactory.instance);
        }

        @Override
        public String toString() {
            return JsonWriter.write(this, JsonWriter.Layout.COMPACT);
        }
    }

    private static final class JsonArray extends ArrayNode {
        private static final long serialVersionUID = 1L;

        JsonArray(int size) {
            super(JsonNodeFactory.instance, size);
        }

        @Override
        public String toString() {
            return JsonWriter.write(this, JsonWriter.Layout.COMPACT);
        }
    }

    private static final class JsonString extends StringNode {
        private static final long serialVersionUID = 1L;

        JsonString(String value) {
            super(value);
        }

        @Override
        public String toString() {
            return JsonWriter.write(this, JsonWriter.Layout.COMPACT);
        }
    }

    private Object value() {
        skipSpace();
        if (at >= text.length()) {
            throw error("a value expected");
        }
        char c = text.charAt(at);
        switch (c) {
            case '{':
                return object();
            case '[':
                return array();
            case '"':
                return string();
            case 't':
                return literal("true", Boolean.TRUE);
            case 'f':
                return literal("false", Boolean.FALSE);
            case 'n':
                return literal("null", null);
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                throw error("unexpected '" + c + "'");
        }
    }

    private Map<String, Object> object() {
        Map<String, Object> object = new LinkedHashMap<>();
        at++;
        skipSpace();
        if (peek() == '}') {
            at++;
            return object;
        }
        while (true) {
            skipSpace();
            if (peek() != '"') {
                throw error("a property name expected");
            }
            String name = string();
            skipSpace();
            expect(':');
            object.put(name, value());
            skipSpace();
            if (peek() == ',') {
                at++;
            } else {
                expect('}');
                return object;
            }
        }
    }

    private List<Object> array() {
        List<Object> array = new ArrayList<>();
        at++;
        skipSpace();
        if (peek() == ']') {
            at++;
            return array;
        }
        while (true) {
            array.add(value());
            skipSpace();
            if (peek() == ',') {
                at++;
            } else {
                expect(']');
                return array;
            }
        }
    }

    private String string() {
        at++;
        StringBuilder out = new StringBuilder();
        while (true) {
            if (at >= text.length()) {
                throw error("an unterminated string");
            }
            char c = text.charAt(at++);
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                throw error("a control character in a string");
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char escaped = at < text.length() ? text.charAt(at++) : '\0';
            switch (escaped) {
                case '"', '\\', '/' -> out.append(escaped);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    if (at + 4 > text.length()) {
                        throw error("a short \\u escape");
                    }
                    int code = 0;
                    for (int end = at + 4; at < end; at++) {
                        int digit = Character.digit(text.charAt(at), 16);
                        if (digit < 0) {
                            throw error("a \\u escape that is not hexadecimal");
                        }
                        code = code * 16 + digit;
                    }
                    out.append((char) code);
                }
                default -> throw error("an unknown escape");
            }
        }
    }

    private Object number() {
        int start = at;
        boolean integral = true;
        if (peek() == '-') {
            at++;
        }
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c >= '0' && c <= '9') {
                at++;
            } else if (c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-') {
                integral = false;
                at++;
            } else {
                break;
            }
        }
        String number = text.substring(start, at);
        try {
            return integral ? (Object) Long.parseLong(number) : (Object) Double.parseDouble(number);
        } catch (NumberFormatException e) {
            throw error("not a number: " + number);
        }
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, at)) {
            throw error(word + " expected");
        }
        at += word.length();
        return value;
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("'" + c + "' expected");
        }
        at++;
    }

    private char peek() {
        return at < text.length() ? text.charAt(at) : '\0';
    }

    private void skipSpace() {
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return;
            }
            at++;
        }
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException(what + " at offset " + at);
    }
}
