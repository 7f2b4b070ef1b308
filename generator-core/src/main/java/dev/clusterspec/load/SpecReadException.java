package dev.clusterspec.load;


/** The spec file cannot be read as a YAML document; carries one located diagnostic. */
public final class SpecReadException extends RuntimeException {

    private final transient Diagnostic diagnostic;

    public SpecReadException(Diagnostic diagnostic) {
        super(diagnostic.toString());
        this.diagnostic = diagnostic;
    }

    public Diagnostic diagnostic() {
        return diagnostic;
    }
}
