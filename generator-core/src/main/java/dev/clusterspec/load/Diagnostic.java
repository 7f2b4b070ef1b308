package dev.clusterspec.load;

/**
 * One finding about the spec, with where it is: printed as {@code file:line:col: error: message}.
 * Messages never contain secret values; at most the reference that names one.
 */
public record Diagnostic(Severity severity, String file, int line, int column, String pointer, String message) {

    public enum Severity {
        ERROR, WARNING;

        String label() {
            return this == ERROR ? "error" : "warning";
        }
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + severity.label() + ": " + message;
    }
}
