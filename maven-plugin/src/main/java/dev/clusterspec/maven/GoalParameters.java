package dev.clusterspec.maven;

import dev.clusterspec.BuildLog;
import dev.clusterspec.generate.GenerateRequest;
import dev.clusterspec.generate.ManifestRepoRelease;
import dev.clusterspec.load.age.AgeKeySources;
import dev.clusterspec.load.age.AgeRecipient;
import dev.clusterspec.publish.Credentials;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The parameters of one goal execution, turned into the core's requests in this one place (the
 * idea of jib's RawConfiguration). Each goal hands over only the parameters it declares, as Maven
 * injected them: an optional one left unset arrives as null and is absent from here on. So every
 * goal stays a thin mapping, and none has to show another goal's parameters to share the mapping.
 * Made fresh for each execution, like the Mojo that fills it.
 */
final class GoalParameters {

    private final File spec;
    private final BuildLog log;
    private File secretsBundle;
    private File catalogMirror;
    private File schemas;
    private File ageIdentity;
    private String ageRecipients;
    private String manifestRepoUrl;
    private Function<String, Credentials> gitCredentials;

    GoalParameters(File spec, BuildLog log) {
        this.spec = spec;
        this.log = log;
    }

    GoalParameters secretsBundle(File bundle) {
        this.secretsBundle = bundle;
        return this;
    }

    /** @param folder a local copy of the version catalog's third-party files, or null to reference them upstream */
    GoalParameters catalogMirror(File folder) {
        this.catalogMirror = folder;
        return this;
    }

    /** @param folder upstream schemas to check the generated documents against, or null for no check */
    GoalParameters schemas(File folder) {
        this.schemas = folder;
        return this;
    }

    /** @param identityFile an age identity file, or null for only those the environment names */
    GoalParameters ageIdentity(File identityFile) {
        this.ageIdentity = identityFile;
        return this;
    }

    /** @param commaSeparated age recipients (age1...) given instead of the spec's, or null for the spec's */
    GoalParameters ageRecipients(String commaSeparated) {
        this.ageRecipients = commaSeparated;
        return this;
    }

    /**
     * @param urlOverride where the manifest repo is instead of the spec's manifestRepo.url, or null;
     *     a plain path is a local repository beside the spec
     * @param credentials the Git credentials for the spec's manifestRepo.serverId (or null to try without)
     */
    GoalParameters manifestRepo(String urlOverride, Function<String, Credentials> credentials) {
        this.manifestRepoUrl = urlOverride;
        this.gitCredentials = credentials;
        return this;
    }

    Path specFile() {
        return spec.toPath();
    }

    Path secretsBundle() {
        return required(secretsBundle, "secretsBundle").toPath();
    }

    /** Where age identities come from: the identity file (if given), SOPS_AGE_KEY_FILE and SOPS_AGE_KEY. */
    AgeKeySources ageKeys() {
        return AgeKeySources.system(path(ageIdentity).orElse(null));
    }

    /** The recipients given with cluster.ageRecipients; empty when none were, for the spec's. */
    List<AgeRecipient> ageRecipients() {
        return AgeRecipient.parseList(ageRecipients, "cluster.ageRecipients");
    }

    /** A path the user gave, read from the spec's folder unless it is absolute. */
    File besideSpec(String path) {
        File file = new File(path);
        return file.isAbsolute() ? file : new File(spec.getAbsoluteFile().getParentFile(), path);
    }

    /** A generate run into the given folder, with every option this goal was given. */
    GenerateRequest generateRequest(File outputDirectory) {
        GenerateRequest request = GenerateRequest.of(specFile(), secretsBundle(), outputDirectory.toPath())
                .withLog(log).withAgeKeys(ageKeys());
        request = path(catalogMirror).map(request::withCatalogMirror).orElse(request);
        return path(schemas).map(request::withSchemas).orElse(request);
    }

    /** A publish of the manifest repo (or, with dryRun, only what it would commit) with working copies in workDirectory. */
    ManifestRepoRelease.Request releaseRequest(File workDirectory, boolean dryRun) {
        return new ManifestRepoRelease.Request(specFile(), workDirectory.toPath(), path(catalogMirror), remoteUrl(),
                required(gitCredentials, "manifestRepo credentials"), dryRun, log);
    }

    private Optional<String> remoteUrl() {
        if (manifestRepoUrl == null || manifestRepoUrl.contains("://")) {
            return Optional.ofNullable(manifestRepoUrl);
        }
        return Optional.of(besideSpec(manifestRepoUrl).toURI().toString());
    }

    private static Optional<Path> path(File file) {
        return Optional.ofNullable(file).map(File::toPath);
    }

    // a goal asking for a request it has not given the parameters for is a bug in the goal, not a user mistake
    private static <T> T required(T value, String name) {
        if (value == null) {
            throw new IllegalStateException(name + " was not handed to the goal's parameters");
        }
        return value;
    }
}
