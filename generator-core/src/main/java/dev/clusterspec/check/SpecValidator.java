package dev.clusterspec.check;

import dev.clusterspec.load.LoadedSpec;
import dev.clusterspec.load.SpecLoader;
import dev.clusterspec.load.SecretResolver;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import dev.clusterspec.load.Diagnostic;
import dev.clusterspec.load.SpecProblemsException;
import dev.clusterspec.load.manifests.UserManifests;
import dev.clusterspec.load.patches.TalosPatches;

/** The front end: load, schema, semantic rules. Returns the spec with its warnings, or throws with every error. */
public final class SpecValidator {

    /**
     * A spec that compiles, what validation warns about, and the files it names as validation read
     * them (Talos patches, the user's manifests), so that the plan need not read them again.
     */
    public record Validated(LoadedSpec loaded, List<Diagnostic> warnings, TalosPatches talosPatches, UserManifests userManifests) {}

    private final SpecLoader loader;

    public SpecValidator() {
        this(new SpecLoader());
    }

    public SpecValidator(SpecLoader loader) {
        this.loader = loader;
    }

    public Validated validate(Path specFile) {
        return validate(specFile, loaded -> List.of());
    }

    /**
     * {@link #validate} plus every secret reference read (and dropped) with the resolver made for the
     * loaded spec: what {@code cluster:validate} checks, so that a missing or unreadable secret is
     * reported at its field together with every other problem, not at the first output that needs it.
     */
    public Validated validateWithSecrets(Path specFile, Function<LoadedSpec, SecretResolver> secrets) {
        return validate(specFile, loaded -> List.of(new SecretReferenceCheck(secrets.apply(loaded))));
    }

    private Validated validate(Path specFile, Function<LoadedSpec, List<SpecCheck>> more) {
        LoadedSpec loaded = loader.load(specFile);
        CheckContext context = new CheckContext(loaded);
        List<Diagnostic> findings = SemanticChecks.run(context, more.apply(loaded));
        if (findings.stream().anyMatch(Diagnostic::isError)) {
            throw new SpecProblemsException(findings);
        }
        return new Validated(loaded, findings, context.talosPatches().value(), context.userManifests().value());
    }
}
