package dev.clusterspec.emit.talos;

import dev.clusterspec.emit.manifests.InlineManifest;
import dev.clusterspec.emit.manifests.ManifestRef;
import dev.clusterspec.emit.manifests.ManifestRepoContent;
import dev.clusterspec.plan.ClusterPlan;
import dev.clusterspec.spec.SecretResolver;
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
 * <li>{@code extraManifests}: the manifest repo's URLs in apply order. They are content-addressed,
 *     because Talos fetches a URL once and only creates what is missing: new content needs a new URL;</li>
 * <li>{@code extraManifestHeaders}: the fetch token of a private repo. It is the only header map
 *     Talos has and it applies to {@code extraManifests} only, which is why everything fetched from
 *     the repo is listed there and not under {@code externalCloudProvider.manifests}.</li>
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

        List<String> urls = manifests.urlManifests().stream().map(ManifestRef::url).toList();
        Map<String, String> headers = new LinkedHashMap<>();
        plan.manifestRepo().flatMap(repo -> repo.fetchTokenIfAny()).ifPresent(ref -> {
            if (!urls.isEmpty()) {
                headers.put("Authorization", "token " + secrets.resolve(ref));
            }
        });
        return new ControlPlaneManifests(inline, urls, headers);
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
