package dev.clusterspec.emit.manifests;

/** A manifest-repo file as Talos names it: its path in the repo and the raw URL it is fetched from. */
public record ManifestRef(String component, String path, String url, String sha256, int size) {}
