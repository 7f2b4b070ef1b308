package dev.clusterspec.check;

import dev.clusterspec.load.LoadedSpec;
import dev.clusterspec.load.SpecLoader;
import java.nio.file.Path;
import java.util.List;

/** The front end: load, schema, semantic rules. Returns the spec with its warnings, or throws with every error. */
public final class SpecValidator {

    /** A spec that compiles, and what validation warns about. */
    public record Validated(LoadedSpec loaded, List<Diagnostic> warnings) {}

    private final SpecLoader loader;

    public SpecValidator() {
        this(new SpecLoader());
    }

    public SpecValidator(SpecLoader loader) {
        this.loader = loader;
    }

    public Validated validate(Path specFile) {
        LoadedSpec loaded = loader.load(specFile);
        List<Diagnostic> findings = SemanticChecks.run(loaded);
        if (findings.stream().anyMatch(Diagnostic::isError)) {
            throw new SpecProblemsException(findings);
        }
        return new Validated(loaded, findings);
    }
}
