package dev.clusterspec.spec;

import dev.clusterspec.spec.ManifestRepo;
import java.util.Optional;

/**
 * Where the manifest repo's fetch token may go. Talos has one header map for all of
 * {@code cluster.extraManifests} and adds it to every download in that list, whatever its host. So
 * the token is safe only if every URL there goes to the server the token is for: the scheme, host
 * and port of {@code manifestRepo.rawUrl}. (A shared host such as raw.githubusercontent.com is the
 * token's issuer itself; it learns nothing new.)
 */
public record FetchTokenScope(String origin) {

    /** The scope of the repo's token; empty when the repo has none (then no header is sent at all). */
    public static Optional<FetchTokenScope> of(ManifestRepo repo) {
        if (repo.fetchTokenIfAny().isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new FetchTokenScope(ExtraManifestUrl.parse(repo.rawUrl()).origin()));
        } catch (ExtraManifestUrl.InvalidUrlException e) {
            // the schema accepts any https?:// text; an unparseable one admits nothing
            return Optional.of(new FetchTokenScope(""));
        }
    }

    /** Whether Talos may send the token with a request for {@code url}. */
    public boolean admits(String url) {
        try {
            return !origin.isEmpty() && ExtraManifestUrl.parse(url).origin().equals(origin);
        } catch (ExtraManifestUrl.InvalidUrlException e) {
            return false;
        }
    }
}
