package dev.clusterspec.emit.manifests;

import dev.clusterspec.emit.OutputFile;
import java.util.List;

/**
 * What the manifest-repo emitter produced: the repo's files (paths relative to the repo root), the
 * URL manifests in the order Talos must apply them, and the non-secret inline manifests for the
 * control-plane configs.
 */
public record ManifestRepoContent(List<OutputFile> files, List<ManifestRef> urlManifests, List<InlineManifest> inlineManifests) {

    public ManifestRepoContent {
        files = List.copyOf(files);
        urlManifests = List.copyOf(urlManifests);
        inlineManifests = List.copyOf(inlineManifests);
    }
}
