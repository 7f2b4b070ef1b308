package dev.clusterspec.secretscan;

import java.util.Comparator;
import java.util.Objects;

/**
 * One place where a file seems to hold secret material. It names the file, the 1-based line and
 * the kind of finding. It never holds the secret value itself, so it is safe to print and log.
 *
 * @param file path of the file relative to the scanned folder, with '/' separators
 * @param line 1-based line number where the finding starts
 * @param what what was found, e.g. "PEM private key" or "Kubernetes Secret object (kind: Secret)"
 */
public record SecretFinding(String file, int line, String what) implements Comparable<SecretFinding> {

    private static final Comparator<SecretFinding> ORDER = Comparator.comparing(SecretFinding::file)
            .thenComparingInt(SecretFinding::line)
            .thenComparing(SecretFinding::what);

    public SecretFinding {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(what, "what");
        if (line < 1) {
            throw new IllegalArgumentException("line must be 1 or more, was " + line);
        }
    }

    @Override
    public int compareTo(SecretFinding other) {
        return ORDER.compare(this, other);
    }

    /** {@code file:line: what}, the form editors and CI logs link to. */
    @Override
    public String toString() {
        return file + ":" + line + ": " + what;
    }
}
