package dev.clusterspec.configpatch;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Talos drops the leading line breaks and tabs of every {@code cluster.inlineManifests[].contents}
 * when it reads a config (a block scalar that starts with an empty line would otherwise begin with
 * an empty YAML document). A patch is read the same way.
 */
final class InlineManifests {

    private static final String TRIMMED = "\t\n\u000b\f\r";

    private InlineManifests() {}

    static void trimLeadingBlankLines(ObjectNode document) {
        if (document.has("kind")) {
            return;
        }
        for (JsonNode manifest : document.path("cluster").path("inlineManifests")) {
            JsonNode contents = manifest.get("contents");
            if (manifest instanceof ObjectNode object && contents != null && contents.isString()) {
                object.set("contents", StringNode.valueOf(trim(contents.stringValue())));
            }
        }
    }

    private static String trim(String text) {
        int start = 0;
        while (start < text.length() && TRIMMED.indexOf(text.charAt(start)) >= 0) {
            start++;
        }
        return text.substring(start);
    }
}
