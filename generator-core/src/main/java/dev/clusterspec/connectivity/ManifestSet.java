package dev.clusterspec.connectivity;

import java.util.List;

/** The objects read from a set of manifests, and what was skipped on the way (one line each). */
public record ManifestSet(List<KubeObject> objects, List<String> warnings) {
    public ManifestSet {
        objects = List.copyOf(objects);
        warnings = List.copyOf(warnings);
    }
}
