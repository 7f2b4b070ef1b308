package dev.clusterspec.configpatch;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Applies a JSON patch to one document as Talos does (Talos uses evanphx/json-patch, whose
 * behaviour differs from the letter of RFC 6902 in ways a patch written for talosctl relies on):
 * <ul>
 *   <li>{@code replace} of a key the mapping lacks adds it (only list positions must exist);</li>
 *   <li>negative list positions count from the end ({@code -1} is the last item; for {@code add},
 *       {@code -1} appends);</li>
 *   <li>{@code test} on a missing key passes when the expected value is {@code null}.</li>
 * </ul>
 * Every ancestor of a path must exist, as in the RFC. One departure: {@code copy} from a key that
 * does not exist is an error here (Talos would write {@code null}, which a config never wants).
 */
final class JsonPatchApplier {

    private JsonPatchApplier() {}

    /** The patched document; {@code document} may be changed in place. */
    static JsonNode apply(JsonNode document, JsonPatch patch) {
        JsonNode root = document;
        for (JsonPatchOperation op : patch.operations()) {
            try {
                root = apply(root, op);
            } catch (PatchFailure failure) {
                throw failure.in(patch.label(), PatchException.Part.OPERATION, op.index());
            }
        }
        return root;
    }

    private static JsonNode apply(JsonNode root, JsonPatchOperation op) {
        return switch (op.op()) {
            case "add" -> {
                add(root, op.path(), op.value().deepCopy(), op);
                yield root;
            }
            case "remove" -> {
                remove(root, op.path(), op);
                yield root;
            }
            case "replace" -> replace(root, op);
            case "move" -> {
                JsonNode value = get(root, op.from(), op, "from");
                remove(root, op.from(), op);
                add(root, op.path(), value, op);
                yield root;
            }
            case "copy" -> {
                add(root, op.path(), get(root, op.from(), op, "from").deepCopy(), op);
                yield root;
            }
            case "test" -> {
                test(root, op);
                yield root;
            }
            default -> throw new IllegalStateException("operation not checked when read: " + op.op());
        };
    }

    private static JsonNode replace(JsonNode root, JsonPatchOperation op) {
        if (op.path().isRoot()) {
            if (!op.value().isContainer()) {
                throw fail(op, "path", "replacing the whole document needs a mapping or a list as value");
            }
            return op.value().deepCopy();
        }
        JsonNode parent = parent(root, op.path(), op, "path");
        if (parent instanceof ArrayNode list) {
            list.set(index(list, op.path().last(), false, op, "path"), op.value().deepCopy());
        } else {
            ((ObjectNode) parent).set(op.path().last(), op.value().deepCopy());
        }
        return root;
    }

    private static void add(JsonNode root, JsonPointer path, JsonNode value, JsonPatchOperation op) {
        if (path.isRoot()) {
            throw fail(op, "path", "'add' needs a path inside the document; use 'replace' with path \"\" to replace it whole");
        }
        JsonNode parent = parent(root, path, op, "path");
        if (parent instanceof ArrayNode list) {
            String token = path.last();
            if (token.equals("-")) {
                list.add(value);
            } else {
                list.insert(index(list, token, true, op, "path"), value);
            }
        } else {
            ((ObjectNode) parent).set(path.last(), value);
        }
    }

    private static void remove(JsonNode root, JsonPointer path, JsonPatchOperation op) {
        String field = path == op.from() ? "from" : "path";
        if (path.isRoot()) {
            throw fail(op, field, "the whole document cannot be removed");
        }
        JsonNode parent = parent(root, path, op, field);
        if (parent instanceof ArrayNode list) {
            list.remove(index(list, path.last(), false, op, field));
        } else if (((ObjectNode) parent).remove(path.last()) == null) {
            throw fail(op, field, "there is no key '" + path.last() + "' at " + parentText(path) + " to remove");
        }
    }

    private static JsonNode get(JsonNode root, JsonPointer path, JsonPatchOperation op, String field) {
        if (path.isRoot()) {
            throw fail(op, field, "'" + op.op() + "' needs a 'from' inside the document");
        }
        JsonNode parent = parent(root, path, op, field);
        if (parent instanceof ArrayNode list) {
            return list.get(index(list, path.last(), false, op, field));
        }
        JsonNode value = parent.get(path.last());
        if (value == null) {
            throw fail(op, field, "there is no key '" + path.last() + "' at " + parentText(path));
        }
        return value;
    }

    private static void test(JsonNode root, JsonPatchOperation op) {
        JsonNode actual;
        if (op.path().isRoot()) {
            actual = root;
        } else {
            JsonNode parent = parent(root, op.path(), op, "path");
            actual = parent instanceof ArrayNode list ? list.get(index(list, op.path().last(), false, op, "path")) : parent.get(op.path().last());
        }
        boolean missing = actual == null || actual.isNull();
        boolean passes = missing ? op.value().isNull() : SameValue.test(actual, op.value());
        if (!passes) {
            throw fail(op, "value", "test failed: " + (missing ? "nothing is there"
                    : "the value there is not the one given (the config's value is not shown: configs hold secrets)"));
        }
    }

    /** The mapping or list that holds the path's last token; every step must exist. */
    private static JsonNode parent(JsonNode root, JsonPointer path, JsonPatchOperation op, String field) {
        JsonNode current = root;
        for (int i = 0; i < path.tokens().size() - 1; i++) {
            String token = path.tokens().get(i);
            JsonNode next;
            if (current instanceof ArrayNode list) {
                next = list.get(index(list, token, false, op, field));
            } else {
                next = current.get(token);
            }
            if (next == null || !next.isContainer()) {
                String upTo = "/" + String.join("/", path.tokens().subList(0, i + 1));
                throw fail(op, field, upTo + (next == null || next.isNull() ? " does not exist" : " is " + TreeMerge.describe(next)
                        + ", not a mapping or list") + " (the parent of a path must exist; add it first)");
            }
            current = next;
        }
        return current;
    }

    /**
     * A list position: an integer, negative counting from the end. For insertion the position may be
     * one past the end (and -1 means there).
     */
    private static int index(ArrayNode list, String token, boolean insert, JsonPatchOperation op, String field) {
        int size = insert ? list.size() + 1 : list.size();
        int index;
        try {
            index = Integer.parseInt(token);
        } catch (NumberFormatException e) {
            throw fail(op, field, "'" + token + "' is not a position in the list" + (insert ? " (use - to append)" : ""));
        }
        if (index < 0) {
            index += size;
        }
        if (index < 0 || index >= size) {
            throw fail(op, field, "position " + token + " is outside the list, which has " + list.size() + " item(s)");
        }
        return index;
    }

    private static String parentText(JsonPointer path) {
        String parent = path.parent().text();
        return parent.isEmpty() ? "the top of the document" : parent;
    }

    private static PatchFailure fail(JsonPatchOperation op, String field, String reason) {
        JsonPointer target = field.equals("from") ? op.from() : op.path();
        return new PatchFailure("/" + op.index() + "/" + field, target.text(), op.op() + ": " + reason);
    }
}
