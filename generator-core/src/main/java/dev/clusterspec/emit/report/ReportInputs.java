package dev.clusterspec.emit.report;

import dev.clusterspec.emit.policies.PolicyConnectivity;
import dev.clusterspec.load.Diagnostic;
import dev.clusterspec.connectivity.ConnectivityResult;
import dev.clusterspec.emit.OutputFile;
import dev.clusterspec.emit.manifests.ManifestRepoContent;
import dev.clusterspec.load.patches.TalosPatches;
import dev.clusterspec.load.manifests.UserManifestFile;
import dev.clusterspec.plan.ClusterPlan;
import dev.clusterspec.plan.firewall.FirewallPlan;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Everything the report is computed from.
 *
 * @param plan          the cluster plan
 * @param warnings      validation warnings (shown at the top of the report)
 * @param firewall      the rule model of the five firewall layers, for {@code plan}
 * @param connectivity  what the generated policies allow between workloads ({@link PolicyConnectivity#analyse})
 * @param manifests     the manifest repo: files, URL manifests and inline manifests
 * @param talosConfigs  sizes of the Talos configs ({@code talos/<node>.yaml}), checked against Talos's
 *                      limit; empty when they were not generated. Only sizes: never the secret contents.
 * @param talosPatches  the spec's Talos patches and the nodes each applies to; empty when there are none
 * @param userManifests the files of the spec's manifests folder, as components of the repo; empty when none
 */
public record ReportInputs(ClusterPlan plan, List<Diagnostic> warnings, FirewallPlan firewall,
                           ConnectivityResult connectivity, ManifestRepoContent manifests, List<FileSize> talosConfigs,
                           List<TalosPatches.Use> talosPatches, List<UserManifestFile> userManifests) {

    /** A generated file's path and size in bytes. */
    public record FileSize(String path, long bytes) {
        public FileSize {
            Objects.requireNonNull(path);
        }
    }

    public ReportInputs {
        Objects.requireNonNull(plan);
        Objects.requireNonNull(firewall);
        Objects.requireNonNull(connectivity);
        Objects.requireNonNull(manifests);
        if (firewall.cluster() != plan) {
            throw new IllegalArgumentException("the firewall plan was derived from another cluster plan");
        }
        warnings = List.copyOf(warnings);
        talosConfigs = talosConfigs.stream().sorted(Comparator.comparing(FileSize::path)).toList();
        talosPatches = List.copyOf(talosPatches);
        userManifests = List.copyOf(userManifests);
    }

    /** The same inputs with the sizes of these Talos configs (their contents are not kept). */
    public ReportInputs withTalosConfigs(List<OutputFile> configs) {
        return new ReportInputs(plan, warnings, firewall, connectivity, manifests,
                configs.stream().map(f -> new FileSize(f.path(), f.size())).toList(), talosPatches, userManifests);
    }

    /** The same inputs with the Talos patches and the nodes they apply to. */
    public ReportInputs withTalosPatches(List<TalosPatches.Use> uses) {
        return new ReportInputs(plan, warnings, firewall, connectivity, manifests, talosConfigs, uses, userManifests);
    }

    /** The same inputs with the files of the spec's manifests folder. */
    public ReportInputs withUserManifests(List<UserManifestFile> files) {
        return new ReportInputs(plan, warnings, firewall, connectivity, manifests, talosConfigs, talosPatches, files);
    }
}
