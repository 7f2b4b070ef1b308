package dev.clusterspec.emit.talos;

import dev.clusterspec.emit.manifests.InlineManifest;
import dev.clusterspec.emit.manifests.ManifestProblemException;
import dev.clusterspec.emit.manifests.ManifestRef;
import dev.clusterspec.emit.manifests.ManifestRepoContent;
import dev.clusterspec.plan.ClusterPlan;
import dev.clusterspec.spec.ExtraManifestUrl;
import dev.clusterspec.spec.FetchTokenScope;
import dev.clusterspec.load.SecretResolver;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the control planes apply to Kubernetes themselves, identical on every control plane (each one
 * applies them on its own, serialised through etcd):
 *
 * <ul>
 * <li>{@code inlineManifests}: the manifest repo's non-secret inline manifests (Cilium, so the CNI
 *     never waits on Git at bootstrap), then the Secret objects, which must never reach Git;</li>
 * <li>{@code extraManifests}: the manifest repo's URLs in apply order, then the spec's own pinned URLs
 *     ({@code manifests.extraManifests}). The repo's are content-addressed, because Talos fetches a URL
 *     once and only creates what is missing: new content needs a new URL;</li>
 * <li>{@code extraManifestHeaders}: the fetch token of a private repo. It is the only header map
 *     Talos has and it applies to {@code extraManifests} only, which is why everything fetched from
 *     the repo is listed there and not under {@code externalCloudProvider.manifests}. Talos adds it to
 *     every download of that list, so every URL there must be on the repo's host
 *     ({@link FetchTokenScope}); one that is not stops the build rather than leak the token.</li>
 * </ul>
 */
record ControlPlaneManifests(List<InlineManifest> inline, List<String> urls, Map<String, String> headers) {

    ControlPlaneManifests {
        inline = List.copyOf(inline);
        urls = List.copyOf(urls);
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    static ControlPlaneManifests of(ClusterPlan plan, ManifestRepoContent manifests, List<InlineManifest> secretInline,
            SecretResolver secrets) {
        List<InlineManifest> inline = new ArrayList<>();
        manifests.inlineManifests().stream().filter(m -> !m.secret()).forEach(inline::add);
        inline.addAll(secretInline);
        requireUniqueNames(inline);

        List<String> urls = new ArrayList<>(manifests.urlManifests().stream().map(ManifestRef::url).toList());
        plan.extraManifests().forEach(url -> urls.add(url.url()));
        Map<String, String> headers = new LinkedHashMap<>();
        plan.manifestRepo().flatMap(repo -> repo.fetchTokenIfAny()).ifPresent(ref -> {
            if (!urls.isEmpty()) {
                requireTokenScope(plan.fetchTokenScope().orElseThrow(), urls);
                headers.put("Authorization", "token " + secrets.resolve(ref));
            }
        });
        return new ControlPlaneManifests(inline, urls, headers);
    }

    /**
     * Every URL that will receive the fetch token is on the repo's host. Validation already refuses
     * the spec's own URLs elsewhere; what can still arrive here are the version catalog's upstream
     * files (the Tailscale CRDs), fetched from their own host unless they are mirrored into the repo.
     */
    private static void requireTokenScope(FetchTokenScope scope, List<String> urls) {
        List<String> outside = urls.stream().filter(url -> !scope.admits(url)).map(ControlPlaneManifests::origin).distinct().toList();
        if (!outside.isEmpty()) {
            throw new ManifestProblemException("manifestRepo.fetchToken: Talos sends the token with every cluster.extraManifests"
                    + " download, and some of them are not on the manifest repo's " + scope.origin() + " but on " + String.join(", ", outside)
                    + " (the version catalog's upstream files). Mirror those into the manifest repo with -Dcluster.catalogMirror=DIR,"
                    + " or make the repo public and drop fetchToken");
        }
    }

    private static String origin(String url) {
        try {
            return ExtraManifestUrl.parse(url).origin();
        } catch (ExtraManifestUrl.InvalidUrlException e) {
            return "an unparseable URL";
        }
    }

    /** Talos rejects an inline manifest without a name or with a name used twice. */
    private static void requireUniqueNames(List<InlineManifest> inline) {
        Set<String> names = new HashSet<>();
        for (InlineManifest manifest : inline) {
            if (manifest.name() == null || manifest.name().isBlank()) {
                throw new IllegalArgumentException("an inline manifest for the Talos control planes has no name");
            }
            if (!names.add(manifest.name())) {
                throw new IllegalArgumentException("two inline manifests for the Talos control planes are named "
                        + manifest.name() + "; Talos needs unique names");
            }
        }
    }
}
