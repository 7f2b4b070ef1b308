package dev.clusterspec.emit.talos;

import dev.clusterspec.spec.ClusterSpec.Versions;
import dev.clusterspec.spec.SupportedVersions;
import java.util.List;

/**
 * The container images a Talos config names, from the spec's versions. The supported Talos lines
 * ({@link SupportedVersions}) share one machine-config contract for everything we emit (1.13 only
 * stops writing an empty {@code machine.network}, which we never write), so one set of names serves
 * them all.
 *
 * <p>The installer is not among them: it comes from Image Factory with the cluster's schematic
 * ({@link dev.clusterspec.plan.TalosImage}).
 */
record TalosImages(String kubelet, String apiServer, String controllerManager, String scheduler) {

    static TalosImages of(Versions versions) {
        String talos = versions.talos();
        String k8s = "v" + versions.kubernetes();
        requireSupportedContract(talos);
        return new TalosImages(
                "ghcr.io/siderolabs/kubelet:" + k8s,
                "registry.k8s.io/kube-apiserver:" + k8s,
                "registry.k8s.io/kube-controller-manager:" + k8s,
                "registry.k8s.io/kube-scheduler:" + k8s);
    }

    /**
     * The spec validator has already limited the version to the supported lines; this guards the
     * emitter against being called with a plan that skipped it, since a node of another line would
     * read these documents differently.
     */
    private static void requireSupportedContract(String talos) {
        if (!SupportedVersions.supportsTalos(talos)) {
            List<String> lines = SupportedVersions.talosLines();
            String named = lines.size() == 1 ? lines.get(0)
                    : String.join(", ", lines.subList(0, lines.size() - 1)) + " and " + lines.get(lines.size() - 1);
            throw new IllegalArgumentException("Talos " + talos + " is not a version this emitter writes configs for (the "
                    + named + " contracts)");
        }
    }
}
