package dev.clusterspec.emit.manifests;

/**
 * One component of the manifest repo (e.g. {@code cilium}, {@code network-policies}): a multi-document
 * YAML text. {@code order} says when Talos must apply it relative to the others (lower first), e.g.
 * Cilium's pools and L2 policies after the operator has created the CRDs.
 */
public record ManifestComponent(String name, int order, String yaml) {}
