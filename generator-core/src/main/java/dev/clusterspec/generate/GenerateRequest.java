package dev.clusterspec.generate;

import dev.clusterspec.BuildLog;
import dev.clusterspec.load.age.AgeKeySources;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import dev.clusterspec.verify.OutputSchemaCheck;

/**
 * What a generate run needs: the spec, the Talos secrets bundle, where outputs go, and options.
 *
 * @param secretsBundle the bundle as configured; when only {@code <secretsBundle>.age} exists, that
 *     encrypted one is read (see {@link dev.clusterspec.load.bundle.SecretsBundleFile})
 * @param catalogMirror a folder holding the version catalog's third-party files (e.g. the
 *     Tailscale CRDs); when absent they are referenced by their pinned upstream URLs
 * @param schemas a folder of upstream schemas to check every generated document against before
 *     writing (see {@link OutputSchemaCheck}); null for none
 * @param ageKeys where the identities come from that decrypt age-encrypted secrets and bundle
 */
public record GenerateRequest(Path specFile, Path secretsBundle, Path outputDir, boolean force,
                              Path catalogMirror, Clock clock, BuildLog log, Path schemas, AgeKeySources ageKeys) {

    public GenerateRequest(Path specFile, Path secretsBundle, Path outputDir, boolean force,
                           Path catalogMirror, Clock clock, BuildLog log, Path schemas) {
        this(specFile, secretsBundle, outputDir, force, catalogMirror, clock, log, schemas, AgeKeySources.system(null));
    }

    public GenerateRequest(Path specFile, Path secretsBundle, Path outputDir, boolean force,
                           Path catalogMirror, Clock clock, BuildLog log) {
        this(specFile, secretsBundle, outputDir, force, catalogMirror, clock, log, null);
    }

    public Optional<Path> catalogMirrorIfAny() {
        return Optional.ofNullable(catalogMirror);
    }

    public Optional<Path> schemasIfAny() {
        return Optional.ofNullable(schemas);
    }
}
