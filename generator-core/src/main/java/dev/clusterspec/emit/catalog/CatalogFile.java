package dev.clusterspec.emit.catalog;

/**
 * A third-party file the manifests mirror (a CRD): its file name, the immutable upstream URL it is
 * published at, and the sha256 and size it must have. A file that does not match is never used.
 */
public record CatalogFile(String name, String url, String sha256, long size) {}
