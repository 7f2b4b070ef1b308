package dev.clusterspec.generate;

import dev.clusterspec.load.Diagnostic;
import dev.clusterspec.load.SpecProblemsException;
import dev.clusterspec.connectivity.ConnectivityResult;
import dev.clusterspec.emit.OutputFile;
import dev.clusterspec.emit.catalog.LocalMirrorSource;
import dev.clusterspec.emit.catalog.VersionCatalog;
import dev.clusterspec.emit.manifests.ManifestComponent;
import dev.clusterspec.emit.manifests.ManifestRepoContent;
import dev.clusterspec.emit.manifests.ManifestRepoEmitter;
import dev.clusterspec.emit.policies.NetworkPolicyEmitter;
import dev.clusterspec.emit.policies.PolicyAssertions;
import dev.clusterspec.load.manifests.UserManifests;
import dev.clusterspec.plan.ClusterPlan;
import dev.clusterspec.plan.firewall.FirewallPlan;
import dev.clusterspec.secretscan.SecretFinding;
import dev.clusterspec.secretscan.SecretScanner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The manifest repo and what is known about it: its content (computed from the spec alone, with
 * no secret), that it holds no secret, and the connectivity its policies (generated and the user's
 * own) allow between stand-ins for the spec's workloads. Shared by generate and publish, so both
 * publish exactly the same bytes.
 *
 * @param userManifests the user's own manifests ({@code manifests.folder}), already in {@code content}
 */
public record ManifestRepoBuild(ManifestRepoContent content, ConnectivityResult connectivity, UserManifests userManifests) {

    public static ManifestRepoBuild of(ClusterPlan plan, FirewallPlan firewall, Optional<Path> catalogMirror) {
        ManifestRepoEmitter emitter = catalogMirror
                .map(mirror -> new ManifestRepoEmitter(VersionCatalog.bundled(), new LocalMirrorSource(mirror)))
                .orElseGet(() -> ManifestRepoEmitter.referencingUpstream(VersionCatalog.bundled()));
        UserManifests user = UserManifests.of(plan);
        List<ManifestComponent> components = new ArrayList<>(emitter.components(plan));
        components.addAll(NetworkPolicyEmitter.components(firewall));
        List<Diagnostic> clashes = user.clashesWith(components);
        if (!clashes.isEmpty()) {
            throw new SpecProblemsException(clashes);
        }
        components.addAll(user.components());
        ManifestRepoContent content = emitter.assemble(plan, components);
        refuseSecrets(content);
        ConnectivityResult connectivity = PolicyAssertions.analyse(plan, NetworkPolicyEmitter.documents(firewall), user.connectivityObjects());
        return new ManifestRepoBuild(content, connectivity, user);
    }

    private static void refuseSecrets(ManifestRepoContent content) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        content.files().forEach(f -> files.put(f.path(), f.content()));
        List<SecretFinding> findings = new SecretScanner().scan(files);
        if (!findings.isEmpty()) {
            throw new GenerateException("refusing to write the manifest repo: it would hold secrets (it is pushed to Git): "
                    + String.join("; ", findings.stream().map(SecretFinding::toString).toList()));
        }
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
