package dev.clusterspec.emit.manifests;

/**
 * A manifest Talos fetches by URL: a manifest-repo file (its path in the repo and its raw URL), or a
 * pinned upstream file of the version catalog, which has no path in the repo ({@code path} null).
 */
public record ManifestRef(String component, String path, String url, String sha256, int size) {}
