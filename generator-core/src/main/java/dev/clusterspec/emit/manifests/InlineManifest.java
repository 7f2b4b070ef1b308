package dev.clusterspec.emit.manifests;

/**
 * A manifest Talos applies from the control-plane config itself ({@code cluster.inlineManifests}):
 * what must not depend on Git at bootstrap (Cilium) and what is secret (Secret objects).
 */
public record InlineManifest(String name, String contents, boolean secret) {}
