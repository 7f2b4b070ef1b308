package dev.clusterspec.generate;

import dev.clusterspec.diff.DiffOptions;
import dev.clusterspec.diff.DiffReport;
import dev.clusterspec.diff.DiffSourceException;
import dev.clusterspec.diff.DiffSources;
import dev.clusterspec.diff.OutputDiff;
import dev.clusterspec.publish.PublishException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code generate} or {@code publish} would change, object by object: the manifest repo against
 * what is published, or every output against a folder (by default the last output).
 */
public final class ChangePreview {

    private static final String REPO = "manifest-repo/";

    private ChangePreview() {}

    /** The manifest repo as generated now against the branch tip of the remote (nothing is pushed). */
    public static DiffReport againstPublished(ManifestRepoRelease.Request request) throws PublishException, DiffSourceException {
        ManifestRepoRelease.Request dryRun = new ManifestRepoRelease.Request(request.specFile(), request.workDir(),
                request.catalogMirror(), request.remoteUrlOverride(), request.credentialsFor(), true, request.log());
        ManifestRepoRelease.Outcome outcome = new ManifestRepoRelease().run(dryRun);
        Map<String, byte[]> published = DiffSources.remoteBranch(outcome.workingClone(), outcome.branch(), REPO).orElseGet(TreeMap::new);
        Map<String, byte[]> generated = DiffSources.folder(outcome.stagedContent(), REPO);
        return OutputDiff.compare(published, generated, DiffOptions.defaults().withLabels("published", "generated"));
    }

    /**
     * Every output as generated now (into {@code request.outputDir()}, which must not be the folder
     * compared against) against an earlier output folder; Talos secrets are redacted.
     */
    public static DiffReport againstFolder(GenerateRequest request, Path earlier) throws DiffSourceException {
        GenerateResult result = new Generator().generate(request);
        Map<String, byte[]> before = DiffSources.folder(earlier);
        Map<String, byte[]> after = DiffSources.outputFiles(result.files());
        return OutputDiff.compare(before, after, DiffOptions.defaults().withLabels(earlier.toString(), "generated")
                .withSecretPaths(DiffSources.secretPaths(result.files())));
    }
}
