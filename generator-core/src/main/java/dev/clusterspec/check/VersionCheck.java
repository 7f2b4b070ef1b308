package dev.clusterspec.check;

import static dev.clusterspec.spec.SupportedVersions.minor;

import dev.clusterspec.spec.ClusterSpec.Versions;
import dev.clusterspec.spec.SupportedVersions;
import dev.clusterspec.spec.SupportedVersions.MinorRange;
import java.util.List;
import java.util.Optional;

/** Versions lie in the ranges this release generates for ({@link SupportedVersions}). */
final class VersionCheck implements SpecCheck {

    @Override
    public void check(CheckContext context) {
        Versions v = context.spec().versions();
        String talosMinor = minor(v.talos());
        Optional<MinorRange> kubernetes = SupportedVersions.kubernetesFor(talosMinor);
        if (kubernetes.isEmpty()) {
            context.error("/versions/talos", "Talos " + v.talos() + " is not supported; supported lines: "
                    + String.join(", ", SupportedVersions.talosLines()));
        } else if (!kubernetes.get().contains(minor(v.kubernetes()))) {
            context.error("/versions/kubernetes", "Kubernetes " + v.kubernetes() + " is outside what Talos " + talosMinor
                    + " supports (" + kubernetes.get().min() + " to " + kubernetes.get().max() + ")");
        }
        List<String> cilium = SupportedVersions.ciliumLines();
        if (!cilium.contains(minor(v.cilium()))) {
            context.error("/versions/cilium", "Cilium " + v.cilium() + " is not supported; supported lines: " + String.join(", ", cilium));
        }
        String operatorMin = SupportedVersions.tailscaleOperatorMin();
        if (SupportedVersions.compare(minor(v.tailscaleOperator()), operatorMin) < 0) {
            context.error("/versions/tailscaleOperator", "Tailscale operator " + v.tailscaleOperator() + " is older than " + operatorMin
                    + ", the oldest this release generates for");
        }
    }
}
