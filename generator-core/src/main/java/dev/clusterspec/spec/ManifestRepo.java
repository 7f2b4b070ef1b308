package dev.clusterspec.spec;

import java.util.Optional;

/** The Git repository Talos fetches manifests from by URL. */
public record ManifestRepo(String url, String branch, String rawUrl, String serverId, SecretRef fetchToken) {

    public Optional<SecretRef> fetchTokenIfAny() {
        return Optional.ofNullable(fetchToken);
    }
}
