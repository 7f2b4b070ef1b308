package dev.clusterspec.emit.manifests;

/**
 * A manifest Talos applies from the control-plane config itself ({@code cluster.inlineManifests}):
 * what must not depend on Git at bootstrap (Cilium) and what is secret (Secret objects).
 */
public record InlineManifest(String name, String contents, boolean secret) {

    /**
     * Talos applies inline manifests sorted by name, before every URL manifest ({@code 99-<url>}); a
     * bootstrap component is named by its folder ({@code 10-cilium}), so the Secrets come after the CNI.
     */
    static final String SECRET_PREFIX = "20-secret-";

    /** A Secret object's manifest, named to apply after the bootstrap components. */
    public static InlineManifest secret(String name, String contents) {
        return new InlineManifest(SECRET_PREFIX + name, contents, true);
    }
}
