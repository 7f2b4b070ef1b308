package dev.clusterspec.configpatch;

import java.util.List;

/** A strategic merge patch: its YAML documents, each with its {@code $patch: delete} directives taken out. */
public record StrategicMergePatch(String label, List<PatchDocument> documents) implements ConfigPatch {

    public StrategicMergePatch {
        documents = List.copyOf(documents);
    }
}
