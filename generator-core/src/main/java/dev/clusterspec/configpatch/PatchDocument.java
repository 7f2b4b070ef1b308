package dev.clusterspec.configpatch;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One YAML document of a strategic merge patch, read as Talos reads it: its deletions
 * ({@link #deletes()}) and what remains to be merged (the residual). The residual is not a copy:
 * it is the document with the {@code $patch: delete} entries and the mappings and lists they
 * emptied left out ({@link #skipped}), so that positions inside the patch stay those of the file.
 */
public final class PatchDocument {

    private final int index;
    private final ObjectNode root;
    private final List<DeleteDirective> deletes;
    private final Set<JsonNode> skipped;
    private final DocumentId target;

    /**
     * @param target the config document the residual merges into, or null when nothing remains
     *               to merge (a deletion only, or a document of nothing but version/kind/name)
     */
    PatchDocument(int index, ObjectNode root, List<DeleteDirective> deletes, Set<JsonNode> skipped, DocumentId target) {
        this.index = index;
        this.root = root;
        this.deletes = List.copyOf(deletes);
        Set<JsonNode> identity = Collections.newSetFromMap(new IdentityHashMap<>());
        identity.addAll(skipped);
        this.skipped = Collections.unmodifiableSet(identity);
        this.target = target;
    }

    /** 0-based position among the patch's YAML documents (empty documents counted). */
    public int index() {
        return index;
    }

    public List<DeleteDirective> deletes() {
        return deletes;
    }

    /** The config document the rest of this patch document merges into; empty when nothing is left to merge. */
    public Optional<DocumentId> target() {
        return Optional.ofNullable(target);
    }

    ObjectNode root() {
        return root;
    }

    /** True for a {@code $patch: delete} mapping and for a mapping or list that only held deletions. */
    boolean skipped(JsonNode node) {
        return skipped.contains(node);
    }

    /** The residual's entries of a mapping of this document, in their order. */
    Iterable<Map.Entry<String, JsonNode>> entries(JsonNode object) {
        return object.properties().stream().filter(e -> !skipped(e.getValue())).toList();
    }

    /** A fresh copy of a residual subtree (never shared with the patch: the patch is applied to many configs). */
    JsonNode copy(JsonNode node) {
        if (node.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, JsonNode> e : entries(node)) {
                out.set(e.getKey(), copy(e.getValue()));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            for (JsonNode item : node) {
                if (!skipped(item)) {
                    out.add(copy(item));
                }
            }
            return out;
        }
        return node.deepCopy();
    }
}
