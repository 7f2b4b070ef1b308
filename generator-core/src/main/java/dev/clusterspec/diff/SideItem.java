package dev.clusterspec.diff;

import tools.jackson.databind.JsonNode;

/** What one side holds for one entry: a parsed document, or a file compared as text. */
sealed interface SideItem {

    /** The relative path the item was read from. */
    String file();

    /**
     * A Kubernetes object or a config document: {@code raw} decides whether it changed,
     * {@code redacted} is all that is ever shown.
     */
    record Tree(String file, JsonNode raw, JsonNode redacted) implements SideItem {}

    /**
     * A file compared line by line: {@code raw} decides whether it changed, {@code shown} is its
     * redacted text (a single token for secret files that are not YAML), or null for content that is
     * not UTF-8 text.
     */
    record Text(String file, byte[] raw, String shown) implements SideItem {}
}
