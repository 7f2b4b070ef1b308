package dev.clusterspec.configpatch;

import java.util.ArrayList;
import java.util.List;

/**
 * An RFC 6901 JSON pointer: "" is the whole document, {@code /a/b~1c} is key {@code b/c} of {@code a}.
 *
 * @param text   as written
 * @param tokens the decoded reference tokens
 */
public record JsonPointer(String text, List<String> tokens) {

    public JsonPointer {
        tokens = List.copyOf(tokens);
    }

    static JsonPointer parse(String text) {
        if (text.isEmpty()) {
            return new JsonPointer(text, List.of());
        }
        if (!text.startsWith("/")) {
            throw new IllegalArgumentException("a JSON pointer starts with '/' (e.g. /machine/network/hostname), not '" + text + "'");
        }
        List<String> tokens = new ArrayList<>();
        for (String raw : text.substring(1).split("/", -1)) {
            // ~1 first, then ~0, as RFC 6901 says: "~01" is "~1", not "/"
            tokens.add(raw.replace("~1", "/").replace("~0", "~"));
        }
        return new JsonPointer(text, tokens);
    }

    boolean isRoot() {
        return tokens.isEmpty();
    }

    String last() {
        return tokens.get(tokens.size() - 1);
    }

    JsonPointer parent() {
        int cut = text.lastIndexOf('/');
        return new JsonPointer(text.substring(0, cut), tokens.subList(0, tokens.size() - 1));
    }
}
