package dev.clusterspec.configpatch;

import java.util.List;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * Applies a strategic merge patch to a config's documents, document by document in the patch's
 * order: first the document's deletions, then its residual, which merges into the config document
 * with the same {@code apiVersion}/{@code kind}/{@code name} or, when there is none, is appended.
 * A deletion aimed at a document the config does not have is skipped, as in Talos.
 */
final class StrategicMerger {

    private StrategicMerger() {}

    /** Patches {@code config} in place (the caller owns it). */
    static void apply(List<ObjectNode> config, StrategicMergePatch patch) {
        for (PatchDocument document : patch.documents()) {
            try {
                applyDocument(config, document);
            } catch (PatchFailure failure) {
                throw failure.in(patch.label(), PatchException.Part.DOCUMENT, document.index());
            }
        }
    }

    private static void applyDocument(List<ObjectNode> config, PatchDocument document) {
        for (DeleteDirective delete : document.deletes()) {
            int target = find(config, delete.document());
            if (target < 0) {
                continue;
            }
            if (delete.wholeDocument()) {
                config.remove(target);
            } else {
                delete.applyTo(config.get(target));
            }
        }
        Optional<DocumentId> id = document.target();
        if (id.isEmpty()) {
            return;
        }
        int target = find(config, id.get());
        if (target >= 0) {
            TreeMerge.merge(config.get(target), document, id.get());
        } else {
            config.add((ObjectNode) document.copy(document.root()));
        }
    }

    private static int find(List<ObjectNode> config, DocumentId id) {
        for (int i = 0; i < config.size(); i++) {
            if (DocumentId.of(config.get(i)).equals(id)) {
                return i;
            }
        }
        return -1;
    }
}
