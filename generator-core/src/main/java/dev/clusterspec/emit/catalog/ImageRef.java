package dev.clusterspec.emit.catalog;

import java.util.List;
import java.util.Optional;

/**
 * A container image pinned in the version catalog: repository, tag and, where the upstream chart or
 * release publishes one, the digest of the multi-arch image index. {@code platforms} records which
 * platforms that index covers, so a test can prove every image runs on the clusters' arm64 nodes;
 * {@code source} says where the tag and the digest come from (the upstream chart, manifest or release).
 */
public record ImageRef(String repository, String tag, String digest, List<String> platforms, String source) {

    public ImageRef {
        platforms = List.copyOf(platforms);
    }

    /** {@code repository:tag@digest}, or {@code repository:tag} when no digest is pinned. */
    public String reference() {
        return repository + ":" + tag + (digest != null ? "@" + digest : "");
    }

    public Optional<String> digestIfAny() {
        return Optional.ofNullable(digest);
    }

    public boolean supports(String platform) {
        return platforms.contains(platform);
    }
}
