package dev.clusterspec.connectivity;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Two Namespaces, or two policies of one kind in one namespace, with the same name cannot both
 * exist: the API server refuses the second, and an apply replaces the first with it. Analysing both
 * would describe neither cluster, so the analysis stops and names both files.
 */
final class DuplicateNames {

    private static final Set<String> KINDS = Set.of("Namespace", "NetworkPolicy", "CiliumNetworkPolicy");

    private DuplicateNames() {
    }

    static void reject(List<KubeObject> objects) {
        Map<String, KubeObject> seen = new HashMap<>();
        for (KubeObject o : objects) {
            if (!KINDS.contains(o.kind())) {
                continue;
            }
            String id = o.describe();
            KubeObject first = seen.putIfAbsent(id, o);
            if (first != null) {
                throw new ManifestReadException(o.source(), id + " is defined twice (also in " + first.source()
                        + "); a cluster holds one object per kind, namespace and name: remove or rename one");
            }
        }
    }
}
