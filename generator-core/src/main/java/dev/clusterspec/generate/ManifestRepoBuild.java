package dev.clusterspec.generate;

import dev.clusterspec.connectivity.ConnectivityResult;
import dev.clusterspec.emit.OutputFile;
import dev.clusterspec.emit.catalog.LocalMirrorSource;
import dev.clusterspec.emit.catalog.VersionCatalog;
import dev.clusterspec.emit.manifests.ComponentInputs;
import dev.clusterspec.emit.manifests.ManifestRepoContent;
import dev.clusterspec.emit.manifests.ManifestRepoEmitter;
import dev.clusterspec.emit.policies.NetworkPolicyEmitter;
import dev.clusterspec.emit.policies.PolicyConnectivity;
import dev.clusterspec.emit.usermanifests.UserManifestsComponent;
import dev.clusterspec.load.Diagnostic;
import dev.clusterspec.load.SpecProblemsException;
import dev.clusterspec.plan.ClusterPlan;
import dev.clusterspec.plan.firewall.FirewallPlan;
import dev.clusterspec.verify.UserManifestClashes;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The manifest repo and what is known about it: its content (computed from the spec alone, with
 * no secret) and the connectivity its policies (generated and the user's own) allow between
 * stand-ins for the spec's workloads. Shared by generate and publish, so both publish exactly the
 * same bytes. The secret guard runs on it where it is written or pushed, once.
 */
public record ManifestRepoBuild(ManifestRepoContent content, ConnectivityResult connectivity) {

    public static ManifestRepoBuild of(ClusterPlan plan, FirewallPlan firewall, Optional<Path> catalogMirror) {
        ComponentInputs inputs = new ComponentInputs(plan, firewall, VersionCatalog.bundled(), catalogMirror.map(LocalMirrorSource::new));
        ManifestRepoContent content = ManifestRepoEmitter.emit(Components.ALL, inputs);
        List<Diagnostic> clashes = UserManifestClashes.find(plan.userManifests(), content.files(), UserManifestsComponent::isUserFile);
        if (!clashes.isEmpty()) {
            throw new SpecProblemsException(clashes);
        }
        ConnectivityResult connectivity = PolicyConnectivity.analyse(plan, NetworkPolicyEmitter.documents(firewall),
                plan.userManifests().connectivityObjects());
        return new ManifestRepoBuild(content, connectivity);
    }

    /** The repo's files with a folder prefix, as they sit in the output folder. */
    public List<OutputFile> filesUnder(String prefix) {
        return content.files().stream().map(f -> new OutputFile(prefix + f.path(), f.content(), false)).toList();
    }

    /** {@code report/connectivity.txt}: one line per connection the generated policies allow. */
    public OutputFile connectivityList() {
        return OutputFile.text("report/connectivity.txt", connectivity.toText());
    }
}
