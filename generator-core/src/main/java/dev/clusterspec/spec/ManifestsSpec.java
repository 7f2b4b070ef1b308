package dev.clusterspec.spec;

import java.util.List;
import java.util.Optional;

/**
 * {@code manifests:} of the spec: Kubernetes objects of the user's own, beside what clusterspec
 * generates. {@code folder} holds YAML files that go into the manifest repo like the generated
 * components; {@code extraManifests} are URLs Talos fetches itself (its {@code cluster.extraManifests}).
 */
public record ManifestsSpec(String folder, List<String> extraManifests) {

    public ManifestsSpec {
        extraManifests = List.copyOf(extraManifests);
    }

    public Optional<String> folderIfAny() {
        return Optional.ofNullable(folder);
    }
}
