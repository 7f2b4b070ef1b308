package dev.clusterspec.emit.talos.secrets;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What {@link SecretsBundles#createIfAbsent} did.
 *
 * @param file the bundle file
 * @param outcome whether it was created now or already existed (and was left unchanged)
 * @param bundle the new bundle, or the existing one as read and checked
 */
public record SecretsBundleCreation(Path file, Outcome outcome, SecretsBundle bundle) {

    public enum Outcome {
        /** A new bundle was generated and written. */
        CREATED,
        /** The file already existed; it was read, checked, and left unchanged. */
        ALREADY_EXISTS
    }

    public SecretsBundleCreation {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(bundle, "bundle");
    }

    public boolean created() {
        return outcome == Outcome.CREATED;
    }

    /** One line for the user. */
    public String message() {
        return created()
                ? "Created Talos secrets bundle " + file + " (owner-only permissions). Keep it safe and out of Git:"
                        + " it holds the cluster's CAs and keys, and every later generate needs it."
                : "Talos secrets bundle " + file + " already exists and is valid; left unchanged.";
    }
}
