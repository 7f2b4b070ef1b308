package dev.clusterspec.load;

import java.util.List;

/** The spec cannot be compiled; every problem found is listed, each with its location. */
public final class SpecProblemsException extends RuntimeException {

    private final transient List<Diagnostic> diagnostics;

    public SpecProblemsException(List<Diagnostic> diagnostics) {
        super(summary(diagnostics));
        this.diagnostics = List.copyOf(diagnostics);
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    private static String summary(List<Diagnostic> diagnostics) {
        long errors = diagnostics.stream().filter(Diagnostic::isError).count();
        String first = diagnostics.stream().filter(Diagnostic::isError).findFirst().map(Diagnostic::toString).orElse("");
        return errors + (errors == 1 ? " error" : " errors") + " in the cluster spec" + (first.isEmpty() ? "" : "; first: " + first);
    }
}
