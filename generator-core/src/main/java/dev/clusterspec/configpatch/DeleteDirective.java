package dev.clusterspec.configpatch;

import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One {@code $patch: delete} of a strategic merge patch, as Talos reads it:
 * <ul>
 *   <li>at the top of a document: the whole document goes ({@link #wholeDocument()});</li>
 *   <li>as the value of a key: that key goes ({@code path} names it);</li>
 *   <li>in a list item: the first item of that list whose field {@code key} has the text
 *       {@code value} goes, {@code key: value} being the item's first entry besides {@code $patch}.</li>
 * </ul>
 * Talos applies a document's deletions before merging the rest of it.
 *
 * @param document which config document it deletes in
 * @param path     keys from the document's top; a list item's position is written {@code [i]}
 * @param key      for a list item: the field that selects it; null otherwise
 * @param value    for a list item: the text that field must have; null otherwise
 * @param pointer  where the {@code $patch: delete} is written in the patch document
 */
public record DeleteDirective(DocumentId document, List<String> path, String key, String value, String pointer) {

    public DeleteDirective {
        path = List.copyOf(path);
    }

    public boolean wholeDocument() {
        return path.isEmpty();
    }

    boolean listItem() {
        return key != null;
    }

    /** {@code machine.network.hostname}: the path as messages and Talos write it. */
    public String dottedPath() {
        return String.join(".", path);
    }

    /**
     * Deletes in one config document. Missing ancestors fail as Talos's lookup does; a missing last
     * key is accepted (see the package documentation).
     */
    void applyTo(ObjectNode target) {
        JsonNode current = target;
        for (int i = 0; i < path.size(); i++) {
            String segment = path.get(i);
            boolean last = i == path.size() - 1;
            if (current instanceof ArrayNode list) {
                deleteListItem(list, segment, last, i);
                return;
            }
            if (!(current instanceof ObjectNode object)) {
                throw fail("'" + String.join(".", path.subList(0, i)) + "' is a single value, not a mapping with keys to delete");
            }
            if (last) {
                object.remove(segment);
                return;
            }
            JsonNode next = object.get(segment);
            if (next == null || next.isNull()) {
                throw fail("'" + String.join(".", path.subList(0, i + 1)) + "' does not exist in the config, so there is nothing to delete"
                        + " (Talos: lookup failed)");
            }
            current = next;
        }
    }

    private void deleteListItem(ArrayNode list, String segment, boolean last, int depth) {
        String listPath = String.join(".", path.subList(0, depth));
        if (!segment.startsWith("[")) {
            throw fail("'" + listPath + "' is a list; a key inside it can only be deleted by a '$patch: delete' item in the list");
        }
        if (!last || !listItem()) {
            throw fail("a deletion inside an item of the list '" + listPath + "' is not supported by Talos; delete the whole item or patch the"
                    + " item with a JSON patch");
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode item = list.get(i);
            JsonNode field = item.get(key);
            if (item.isObject() && field != null && field.isValueNode() && !field.isNull() && field.asString().equals(value)) {
                list.remove(i);
                return;
            }
        }
        throw fail("no item of the list '" + listPath + "' has " + key + ": " + value + ", so there is nothing to delete (Talos: lookup failed)");
    }

    private PatchFailure fail(String reason) {
        return new PatchFailure(pointer, dottedPath(), "cannot delete in document " + document + ": " + reason);
    }
}
