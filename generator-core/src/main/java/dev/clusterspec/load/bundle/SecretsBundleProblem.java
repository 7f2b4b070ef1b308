package dev.clusterspec.load.bundle;

/**
 * One thing wrong with a secrets bundle file, at a 1-based line and column. The message names the
 * field and what is wrong with it, never the value.
 */
public record SecretsBundleProblem(String source, int line, int column, String message) {

    @Override
    public String toString() {
        return source + ":" + line + ":" + column + ": " + message;
    }
}
