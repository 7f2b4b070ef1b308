package dev.clusterspec.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A secret that an operator feeds to a runbook command on a host, written like a {@link SecretRef}
 * but never read by the generator: no output needs its value, so it is not resolved, not validated
 * on the build machine and not part of the input fingerprint. The runbook pipes it from where the
 * reference says into the command that consumes it.
 */
public record RunbookSecret(SecretRef reference) {

    @JsonCreator
    public static RunbookSecret parse(String reference) {
        return new RunbookSecret(SecretRef.parse(reference));
    }

    /**
     * Shell text that makes the secret a command's standard input when run from the folder
     * {@code specFolder} names relative to the working directory: {@code < path} or
     * {@code printf '%s' "$NAME" |}. Only one of the two forms is non-empty.
     */
    public String stdinRedirect(String specFolder) {
        return reference.source() == SecretRef.Source.FILE ? "< " + join(specFolder, reference.name()) : "";
    }

    /** The pipe that feeds an environment variable's value to the next command; empty for a file. */
    public String stdinPipe() {
        return reference.source() == SecretRef.Source.ENV ? "printf '%s' \"$" + reference.name() + "\" | " : "";
    }

    private static String join(String folder, String path) {
        return folder.isEmpty() || folder.equals(".") ? path : folder + "/" + path;
    }

    @JsonValue
    @Override
    public String toString() {
        return reference.toString();
    }
}
