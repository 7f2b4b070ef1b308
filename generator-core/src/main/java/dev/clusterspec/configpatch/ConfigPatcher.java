package dev.clusterspec.configpatch;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Applies patches, in order, to a multi-document Talos config held as trees, with Talos's
 * semantics (see the package documentation). The input is not changed and the output shares no
 * node with the input or the patches.
 */
public final class ConfigPatcher {

    /** What a JSON patch applies to. */
    public enum JsonPatchTarget {
        /**
         * Talos's own rule: the config must be a single document, and the patch applies to it; a
         * multi-document config is refused.
         */
        SINGLE_DOCUMENT_CONFIG,
        /**
         * The v1alpha1 document of a multi-document config, as if it were the whole config (what
         * Talos does when that document is patched on its own). The other documents are untouched.
         */
        V1ALPHA1_DOCUMENT
    }

    private final JsonPatchTarget jsonPatchTarget;

    public ConfigPatcher(JsonPatchTarget jsonPatchTarget) {
        this.jsonPatchTarget = jsonPatchTarget;
    }

    /** The patched config. */
    public List<ObjectNode> apply(List<? extends JsonNode> config, List<? extends ConfigPatch> patches) {
        List<ObjectNode> documents = new ArrayList<>();
        for (JsonNode document : config) {
            if (!(document instanceof ObjectNode object)) {
                throw new IllegalArgumentException("a config document must be a mapping");
            }
            documents.add(object.deepCopy());
        }
        for (ConfigPatch patch : patches) {
            if (patch instanceof StrategicMergePatch strategic) {
                StrategicMerger.apply(documents, strategic);
            } else {
                applyJson(documents, (JsonPatch) patch);
            }
        }
        return documents;
    }

    private void applyJson(List<ObjectNode> documents, JsonPatch patch) {
        int target;
        if (jsonPatchTarget == JsonPatchTarget.SINGLE_DOCUMENT_CONFIG) {
            if (documents.size() != 1) {
                throw new PatchException(patch.label(), PatchException.Part.PATCH, -1, "", "", "JSON patches are not supported for"
                        + " multi-document machine configuration (this config has " + documents.size() + " documents);"
                        + " use a strategic merge patch");
            }
            target = 0;
        } else {
            target = legacyDocument(documents, patch);
        }
        JsonNode patched = JsonPatchApplier.apply(documents.get(target), patch);
        if (!(patched instanceof ObjectNode object)) {
            throw new PatchException(patch.label(), PatchException.Part.PATCH, -1, "", "", "the patch leaves the document as "
                    + TreeMerge.describe(patched) + "; a config document is a mapping");
        }
        documents.set(target, object);
    }

    private static int legacyDocument(List<ObjectNode> documents, JsonPatch patch) {
        for (int i = 0; i < documents.size(); i++) {
            if (DocumentId.of(documents.get(i)).isLegacy()) {
                return i;
            }
        }
        throw new PatchException(patch.label(), PatchException.Part.PATCH, -1, "", "",
                "a JSON patch applies to the v1alpha1 document (machine/cluster), and this config has none");
    }
}
