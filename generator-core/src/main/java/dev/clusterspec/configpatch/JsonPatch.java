package dev.clusterspec.configpatch;

import java.util.List;

/** An RFC 6902 JSON patch: operations applied in order to one document. */
public record JsonPatch(String label, List<JsonPatchOperation> operations) implements ConfigPatch {

    public JsonPatch {
        operations = List.copyOf(operations);
    }
}
