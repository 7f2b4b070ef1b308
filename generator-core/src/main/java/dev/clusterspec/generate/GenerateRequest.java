package dev.clusterspec.generate;

import dev.clusterspec.BuildLog;
import dev.clusterspec.load.age.AgeKeySources;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import dev.clusterspec.verify.OutputSchemaCheck;

/**
 * What a generate run needs: the spec, the Talos secrets bundle and where outputs go, given to
 * {@link #of}, and options set by name with the {@code with...} methods, each of which returns a
 * new request:
 *
 * <pre>{@code
 * GenerateRequest.of(spec, bundle, outputDir).withForce(true).withSchemas(schemas)
 * }</pre>
 *
 * Without them a run is incremental (skipped when no input changed), references the catalog's
 * third-party files by their upstream URLs, checks no schemas, uses the system clock, logs
 * nothing, and decrypts with the age identities the environment names. Nothing is null.
 */
public final class GenerateRequest {

    private final Path specFile;
    private final Path secretsBundle;
    private final Path outputDir;
    private final boolean force;
    private final Optional<Path> catalogMirror;
    private final Optional<Path> schemas;
    private final Clock clock;
    private final BuildLog log;
    private final AgeKeySources ageKeys;

    // the one positional constructor, private: callers name what they set with the with... methods
    private GenerateRequest(Path specFile, Path secretsBundle, Path outputDir, boolean force, Optional<Path> catalogMirror,
                            Optional<Path> schemas, Clock clock, BuildLog log, AgeKeySources ageKeys) {
        this.specFile = Objects.requireNonNull(specFile, "specFile");
        this.secretsBundle = Objects.requireNonNull(secretsBundle, "secretsBundle");
        this.outputDir = Objects.requireNonNull(outputDir, "outputDir");
        this.force = force;
        this.catalogMirror = Objects.requireNonNull(catalogMirror, "catalogMirror");
        this.schemas = Objects.requireNonNull(schemas, "schemas");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.log = Objects.requireNonNull(log, "log");
        this.ageKeys = Objects.requireNonNull(ageKeys, "ageKeys");
    }

    /**
     * @param secretsBundle the bundle as configured; when only {@code <secretsBundle>.age} exists, that
     *     encrypted one is read (see {@link dev.clusterspec.load.bundle.SecretsBundleFile})
     */
    public static GenerateRequest of(Path specFile, Path secretsBundle, Path outputDir) {
        return new GenerateRequest(specFile, secretsBundle, outputDir, false, Optional.empty(), Optional.empty(),
                Clock.systemUTC(), BuildLog.silent(), AgeKeySources.system(null));
    }

    /** Generates even when no input changed since the last run into the same folder. */
    public GenerateRequest withForce(boolean force) {
        return new GenerateRequest(specFile, secretsBundle, outputDir, force, catalogMirror, schemas, clock, log, ageKeys);
    }

    /**
     * A folder holding the version catalog's third-party files (e.g. the Tailscale CRDs) to mirror
     * into the manifest repo instead of referencing their pinned upstream URLs.
     */
    public GenerateRequest withCatalogMirror(Path folder) {
        Optional<Path> mirror = Optional.of(folder);
        return new GenerateRequest(specFile, secretsBundle, outputDir, force, mirror, schemas, clock, log, ageKeys);
    }

    /** A folder of upstream schemas to check every generated document against before writing (see {@link OutputSchemaCheck}). */
    public GenerateRequest withSchemas(Path folder) {
        Optional<Path> upstream = Optional.of(folder);
        return new GenerateRequest(specFile, secretsBundle, outputDir, force, catalogMirror, upstream, clock, log, ageKeys);
    }

    /** The clock the Talos admin certificate's validity starts from (fixed in tests for reproducible output). */
    public GenerateRequest withClock(Clock clock) {
        return new GenerateRequest(specFile, secretsBundle, outputDir, force, catalogMirror, schemas, clock, log, ageKeys);
    }

    public GenerateRequest withLog(BuildLog log) {
        return new GenerateRequest(specFile, secretsBundle, outputDir, force, catalogMirror, schemas, clock, log, ageKeys);
    }

    /** Where the identities come from that decrypt age-encrypted secrets and bundle. */
    public GenerateRequest withAgeKeys(AgeKeySources ageKeys) {
        return new GenerateRequest(specFile, secretsBundle, outputDir, force, catalogMirror, schemas, clock, log, ageKeys);
    }

    public Path specFile() {
        return specFile;
    }

    public Path secretsBundle() {
        return secretsBundle;
    }

    public Path outputDir() {
        return outputDir;
    }

    public boolean force() {
        return force;
    }

    public Optional<Path> catalogMirrorIfAny() {
        return catalogMirror;
    }

    public Optional<Path> schemasIfAny() {
        return schemas;
    }

    public Clock clock() {
        return clock;
    }

    public BuildLog log() {
        return log;
    }

    public AgeKeySources ageKeys() {
        return ageKeys;
    }

    @Override
    public String toString() {
        return "GenerateRequest[spec=" + specFile + ", secretsBundle=" + secretsBundle + ", outputDir=" + outputDir
                + ", force=" + force + ", catalogMirror=" + catalogMirror.orElse(null) + ", schemas=" + schemas.orElse(null) + "]";
    }
}
