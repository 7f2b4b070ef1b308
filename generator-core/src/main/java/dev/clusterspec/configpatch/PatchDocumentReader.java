package dev.clusterspec.configpatch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads one strategic merge patch document the way Talos's config loader does when it allows
 * {@code $patch: delete}: it walks the document in order, turns every mapping holding
 * {@code $patch: delete} into a {@link DeleteDirective}, drops the mappings and lists that are left
 * empty by that, and then identifies what remains by {@code apiVersion}/{@code kind}/{@code name}.
 */
final class PatchDocumentReader {

    private static final String PATCH_KEY = "$patch";
    private static final String DELETE = "delete";

    /** Keys that make a document without {@code kind} the v1alpha1 one (Talos's legacy detection). */
    private static final Set<String> LEGACY_KEYS = Set.of("machine", "cluster", "debug", "persist");

    /** A residual of nothing but these scalar keys merges nothing, and Talos drops it. */
    private static final Set<String> IDENTITY_KEYS = Set.of("version", "kind", "name");

    private final int index;
    private final ObjectNode root;
    private final List<DeleteDirective> deletes = new ArrayList<>();
    // identity, not equality: two equal mappings in a patch are two different places
    private final Set<JsonNode> skipped = Collections.newSetFromMap(new IdentityHashMap<>());

    private PatchDocumentReader(int index, ObjectNode root) {
        this.index = index;
        this.root = root;
    }

    /** Reads a document (a fresh tree, owned by the patch from now on). */
    static PatchDocument read(int index, ObjectNode root) {
        InlineManifests.trimLeadingBlankLines(root);
        PatchDocumentReader reader = new PatchDocumentReader(index, root);
        boolean gone = reader.visit(root, false, new ArrayList<>(), "");
        DocumentId target = gone || reader.identityOnly() ? null : reader.residualId();
        return new PatchDocument(index, root, reader.deletes, reader.skipped, target);
    }

    /** Walks a node; returns true when the node is gone from the residual. */
    private boolean visit(JsonNode node, boolean inList, List<String> path, String pointer) {
        if (node instanceof ObjectNode object) {
            int left = object.size();
            for (Map.Entry<String, JsonNode> entry : object.properties()) {
                String key = entry.getKey();
                String at = pointer + "/" + escape(key);
                if (key.equals(PATCH_KEY)) {
                    directive(object, entry.getValue(), inList, path, at);
                    skipped.add(object);
                    return true;
                }
                path.add(key);
                boolean gone = visit(entry.getValue(), false, path, at);
                path.remove(path.size() - 1);
                if (gone && --left == 0) {
                    skipped.add(object);
                    return true;
                }
            }
        } else if (node instanceof ArrayNode list) {
            int left = list.size();
            for (int i = 0; i < list.size(); i++) {
                path.add("[" + i + "]");
                boolean gone = visit(list.get(i), true, path, pointer + "/" + i);
                path.remove(path.size() - 1);
                if (gone && --left == 0) {
                    skipped.add(list);
                    return true;
                }
            }
        }
        return false;
    }

    private void directive(ObjectNode mapping, JsonNode value, boolean inList, List<String> path, String pointer) {
        if (!value.isString() || !value.stringValue().equals(DELETE)) {
            throw new PatchFailure(pointer, String.join(".", path), "'$patch: " + value.asString()
                    + "' is not supported; Talos knows only '$patch: delete'");
        }
        DocumentId document = directiveDocument(path, pointer);
        if (inList) {
            Map.Entry<String, JsonNode> selector = mapping.properties().stream()
                    .filter(e -> !e.getKey().equals(PATCH_KEY)).findFirst()
                    .orElseThrow(() -> new PatchFailure(pointer, String.join(".", path),
                            "a '$patch: delete' list item needs a field that says which item to delete, e.g. '- interface: eth0'"));
            JsonNode selected = selector.getValue();
            deletes.add(new DeleteDirective(document, path, selector.getKey(), selected.isValueNode() ? selected.asString() : "", pointer));
            return;
        }
        if (path.stream().anyMatch(p -> p.startsWith("["))) {
            throw new PatchFailure(pointer, String.join(".", path), "cannot delete a key inside a list item; delete the whole item with"
                    + " '$patch: delete' in the item, or use a JSON patch");
        }
        deletes.add(new DeleteDirective(document, path, null, null, pointer));
    }

    /** The document a deletion applies to, from the patch document's own identity keys. */
    private DocumentId directiveDocument(List<String> path, String pointer) {
        String apiVersion = DocumentId.text(root, "apiVersion");
        String kind = DocumentId.text(root, "kind");
        if (path.isEmpty() && (apiVersion.isEmpty() || kind.isEmpty())) {
            throw new PatchFailure(pointer, "", kind.isEmpty() && apiVersion.isEmpty()
                    ? "the v1alpha1 document cannot be deleted as a whole; delete its keys instead"
                    : "deleting a whole document needs both its apiVersion and kind");
        }
        if (apiVersion.isEmpty() && kind.isEmpty()) {
            return DocumentId.LEGACY;
        }
        if (apiVersion.isEmpty() || kind.isEmpty()) {
            throw new PatchFailure(pointer, String.join(".", path), "a document with '$patch: delete' needs both apiVersion and kind, or neither"
                    + " (the v1alpha1 document)");
        }
        return new DocumentId(apiVersion, kind, DocumentId.text(root, "name"));
    }

    private boolean identityOnly() {
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            if (skipped.contains(e.getValue())) {
                continue;
            }
            if (!IDENTITY_KEYS.contains(e.getKey()) || !e.getValue().isValueNode()) {
                return false;
            }
        }
        return true;
    }

    /** What the residual merges into, decided as Talos's decoder does. */
    private DocumentId residualId() {
        String kind = DocumentId.text(root, "kind");
        String apiVersion = DocumentId.text(root, "apiVersion");
        boolean legacy = root.properties().stream().anyMatch(e -> LEGACY_KEYS.contains(e.getKey()) && !skipped.contains(e.getValue()));
        if (kind.isEmpty()) {
            if (legacy) {
                return DocumentId.LEGACY;
            }
            throw new PatchFailure("", "", "the document has neither 'kind' (with 'apiVersion') nor 'machine'/'cluster'; Talos cannot tell which"
                    + " config document it patches");
        }
        if (legacy) {
            apiVersion = DocumentId.LEGACY_KIND;
        }
        if (apiVersion.isEmpty()) {
            throw new PatchFailure("/kind", "", "a '" + kind + "' document needs 'apiVersion' (v1alpha1 for Talos 1.13)");
        }
        return new DocumentId(apiVersion, kind, DocumentId.text(root, "name"));
    }

    static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
