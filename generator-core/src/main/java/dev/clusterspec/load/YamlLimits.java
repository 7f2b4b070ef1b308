package dev.clusterspec.load;

/**
 * Bounds on what the spec reader accepts, so hostile input fails fast in bounded memory. A cluster
 * spec of 3,000 nodes is about 400 KB and 8 levels deep; these leave ample room above that.
 */
public record YamlLimits(long maxBytes, int maxDepth, int maxNodes, int maxAliases) {

    public static final YamlLimits SPEC = new YamlLimits(4L * 1024 * 1024, 64, 500_000, 100);
}
