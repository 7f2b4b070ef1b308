package dev.clusterspec.load.bundle;

import dev.clusterspec.load.age.AgeFiles;
import dev.clusterspec.load.age.AgeRecipient;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What {@link SecretsBundles#createIfAbsent} did.
 *
 * @param file the bundle file
 * @param outcome whether it was created now or already existed (and was left unchanged)
 * @param bundle the new bundle, or the existing one as read and checked
 * @param recipients whom the bundle was asked to be encrypted for (a new one is); empty for a plain bundle
 */
public record SecretsBundleCreation(Path file, Outcome outcome, SecretsBundle bundle, List<AgeRecipient> recipients) {

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
        recipients = List.copyOf(recipients);
    }

    public boolean created() {
        return outcome == Outcome.CREATED;
    }

    /** One line for the user. */
    public String message() {
        if (created() && !recipients.isEmpty()) {
            return "Created Talos secrets bundle " + file + ", encrypted with age for "
                    + recipients.stream().map(AgeRecipient::value).collect(Collectors.joining(", "))
                    + " (its plain form was never written). It can be committed to Git; generate decrypts it in memory"
                    + " with your age identity (SOPS_AGE_KEY_FILE, SOPS_AGE_KEY or -Dcluster.ageIdentity).";
        }
        if (created()) {
            return "Created Talos secrets bundle " + file + " (owner-only permissions). Keep it safe and out of Git:"
                    + " it holds the cluster's CAs and keys, and every later generate needs it."
                    + " To keep it in Git instead, encrypt it: mvn cluster:encrypt -Dcluster.file=" + file + ".";
        }
        if (AgeFiles.isEncrypted(file)) {
            return "Talos secrets bundle " + file + " (age-encrypted) already exists and is valid; left unchanged.";
        }
        return "Talos secrets bundle " + file + " already exists and is valid; left unchanged."
                + (recipients.isEmpty() ? "" : " It is not encrypted: to keep it in Git, run mvn cluster:encrypt -Dcluster.file=" + file
                        + ", commit " + AgeFiles.encryptedName(file).getFileName() + " and delete " + file.getFileName() + ".");
    }
}
