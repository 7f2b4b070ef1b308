package dev.clusterspec.emit.talos;

import dev.clusterspec.configpatch.PatchException;
import dev.clusterspec.spec.ExtraManifestUrl;
import dev.clusterspec.spec.FetchTokenScope;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Talos patch must not route the manifest repo's fetch token elsewhere. Talos sends
 * {@code cluster.extraManifestHeaders} with every {@code cluster.extraManifests} download, so a patch
 * that adds a URL on another host (or headers next to such a URL) would hand the token to that host.
 * The generated part is kept in scope by {@link ControlPlaneManifests}; this checks each patch's result.
 */
final class FetchTokenLeak {

    private FetchTokenLeak() {}

    /** Refuses a patch whose result sends the headers to a host outside the scope that its input did not. */
    static void requireNone(String patch, List<ObjectNode> before, List<ObjectNode> after, FetchTokenScope scope) {
        Set<String> added = outside(after, scope);
        added.removeAll(outside(before, scope));
        if (!added.isEmpty()) {
            throw new PatchException(patch, PatchException.Part.PATCH, -1, "", "cluster.extraManifests",
                    "Talos would send the manifest repo's fetch token (cluster.extraManifestHeaders goes with every extraManifests download)"
                    + " to " + String.join(", ", added) + ", not only to " + scope.origin() + ". Put such files into the manifests folder"
                    + " (manifests.folder), or list URLs on " + scope.origin() + " only");
        }
    }

    /** The hosts outside the scope that a config's headers would go to; empty when it sends no headers. */
    private static Set<String> outside(List<ObjectNode> documents, FetchTokenScope scope) {
        Set<String> out = new TreeSet<>();
        for (ObjectNode document : documents) {
            JsonNode cluster = document.path("cluster");
            if (!document.has("version") || cluster.path("extraManifestHeaders").isEmpty()) {
                continue;
            }
            for (JsonNode url : cluster.path("extraManifests")) {
                if (url.isString() && !scope.admits(url.stringValue())) {
                    out.add(origin(url.stringValue()));
                }
            }
        }
        return out;
    }

    private static String origin(String url) {
        try {
            return ExtraManifestUrl.parse(url).origin();
        } catch (ExtraManifestUrl.InvalidUrlException e) {
            return "an unparseable URL";
        }
    }
}
