package dev.clusterspec.configpatch;

import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * One RFC 6902 operation, checked when the patch is read (Talos checks them only while applying;
 * reading first reports a malformed patch before any node is generated).
 *
 * @param index 0-based position in the patch
 * @param op    add, remove, replace, move, copy or test
 * @param path  the JSON pointer the operation works on
 * @param from  the source pointer of move and copy; null otherwise
 * @param value the value of add, replace and test (a private copy); null otherwise
 */
public record JsonPatchOperation(int index, String op, JsonPointer path, JsonPointer from, JsonNode value) {

    private static final Set<String> OPS = Set.of("add", "remove", "replace", "move", "copy", "test");
    private static final Set<String> NEED_VALUE = Set.of("add", "replace", "test");
    private static final Set<String> NEED_FROM = Set.of("move", "copy");

    /** Reads operation {@code index} of a patch; problems name it and point at the offending field. */
    static JsonPatchOperation read(int index, JsonNode node) {
        String at = "/" + index;
        if (!node.isObject()) {
            throw new PatchFailure(at, "", "an operation is a mapping with 'op' and 'path' (e.g. {op: add, path: /machine/certSANs/-, value: x}), not "
                    + TreeMerge.describe(node));
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (!List.of("op", "path", "from", "value").contains(e.getKey())) {
                throw new PatchFailure(at + "/" + PatchDocumentReader.escape(e.getKey()), "", "unknown field '" + e.getKey()
                        + "'; an operation has op, path, from (move, copy) and value (add, replace, test)");
            }
        }
        JsonNode opNode = node.get("op");
        if (opNode == null || !opNode.isString() || !OPS.contains(opNode.stringValue())) {
            throw new PatchFailure(at + (opNode == null ? "" : "/op"), "", (opNode == null ? "the operation has no 'op'" : "unknown op "
                    + opNode) + "; use one of add, remove, replace, move, copy, test");
        }
        String op = opNode.stringValue();
        JsonPointer path = pointer(node, "path", at, op);
        JsonPointer from = NEED_FROM.contains(op) ? pointer(node, "from", at, op) : null;
        JsonNode value = null;
        if (NEED_VALUE.contains(op)) {
            if (!node.has("value")) {
                throw new PatchFailure(at, path.text(), "'" + op + "' needs a 'value'");
            }
            value = node.get("value").deepCopy();
        }
        return new JsonPatchOperation(index, op, path, from, value);
    }

    private static JsonPointer pointer(JsonNode node, String field, String at, String op) {
        JsonNode text = node.get(field);
        if (text == null || !text.isString()) {
            throw new PatchFailure(at + (text == null ? "" : "/" + field), "", "'" + op + "' needs '" + field + "', a JSON pointer such as"
                    + " /machine/network/hostname");
        }
        try {
            return JsonPointer.parse(text.stringValue());
        } catch (IllegalArgumentException e) {
            throw new PatchFailure(at + "/" + field, text.stringValue(), e.getMessage());
        }
    }
}
