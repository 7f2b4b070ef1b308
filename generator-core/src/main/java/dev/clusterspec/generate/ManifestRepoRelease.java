package dev.clusterspec.generate;

import dev.clusterspec.check.SpecValidator;
import dev.clusterspec.emit.OutputFile;
import dev.clusterspec.load.LoadedSpec;
import dev.clusterspec.plan.ClusterPlan;
import dev.clusterspec.plan.firewall.FirewallPlan;
import dev.clusterspec.publish.Credentials;
import dev.clusterspec.publish.ManifestRepoPublisher;
import dev.clusterspec.publish.PublishException;
import dev.clusterspec.publish.PublishRequest;
import dev.clusterspec.publish.PublishResult;
import dev.clusterspec.BuildLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Publishes the manifest repo: computes it from the spec alone (no Talos bundle, no Tailscale or
 * OCI secret is read, so CI needs only the Git token), stages it, and hands it to the publisher.
 */
public final class ManifestRepoRelease {

    /**
     * What to publish and where the working copies live.
     *
     * @param credentialsFor the Git credentials for the spec's {@code manifestRepo.serverId} (null: none)
     */
    public record Request(Path specFile, Path workDir, Optional<Path> catalogMirror, Optional<String> remoteUrlOverride,
                          Function<String, Credentials> credentialsFor, boolean dryRun, BuildLog log) {}

    /** A publish (or dry run) and where its working copies are: the staged content and the clone at the remote's tip. */
    public record Outcome(PublishResult result, Path stagedContent, Path workingClone, String branch) {}

    public PublishResult publish(Request request) throws PublishException {
        return run(request).result();
    }

    public Outcome run(Request request) throws PublishException {
        SpecValidator.Validated validated = new SpecValidator().validate(request.specFile());
        LoadedSpec loaded = validated.loaded();
        ClusterPlan plan = ClusterPlan.of(loaded, validated.talosPatches(), validated.userManifests());
        var repo = plan.manifestRepo().orElseThrow(() -> new GenerateException(
                "the spec has no manifestRepo section: add manifestRepo {url, rawUrl} to publish"));
        ManifestRepoBuild build = ManifestRepoBuild.of(plan, FirewallPlan.of(plan), request.catalogMirror());
        Path source = request.workDir().resolve("source");
        stage(build.content().files(), source);

        TreeSet<String> managed = new TreeSet<>();
        TreeSet<String> keep = new TreeSet<>();
        for (OutputFile f : build.content().files()) {
            int slash = f.path().indexOf('/');
            if (slash > 0) {
                // content-addressed folders: older files stay, existing Talos configs still name them
                keep.add(f.path().substring(0, slash));
                managed.add(f.path().substring(0, slash));
            } else {
                managed.add(f.path());
            }
        }
        PublishRequest publish = PublishRequest.builder(request.remoteUrlOverride().orElse(repo.url()), source,
                        request.workDir().resolve("clone"))
                .branch(repo.branch())
                .managedPaths(managed)
                .keepPaths(keep)
                .spec(plan.name(), loaded.sha256())
                .credentials(request.credentialsFor().apply(repo.serverId()))
                .dryRun(request.dryRun())
                .build();
        PublishResult result = new ManifestRepoPublisher(request.log()).publish(publish);
        return new Outcome(result, source, request.workDir().resolve("clone"), repo.branch());
    }

    private static void stage(List<OutputFile> files, Path dir) {
        try {
            if (Files.exists(dir)) {
                try (var walk = Files.walk(dir)) {
                    for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            for (OutputFile f : files) {
                Path target = dir.resolve(f.path());
                Files.createDirectories(target.getParent());
                Files.write(target, f.content());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stage the manifest repo in " + dir + ": " + e.getMessage(), e);
        }
    }
}
