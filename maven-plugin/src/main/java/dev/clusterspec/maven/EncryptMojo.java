package dev.clusterspec.maven;

import dev.clusterspec.generate.SecretFileEncryption;
import java.io.File;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Encrypts a secret file with age for the spec's recipients ({@code secrets.ageRecipients}) and
 * writes it beside the file as {@code <file>.age}, which can be committed to Git; then delete the
 * plain file and point the spec's {@code ${file:}} reference at the new name (the goal lists the
 * fields to change). Given a {@code .age} file, it is encrypted again for the recipients the spec
 * lists now, in place. Nothing decrypted is written.
 */
@Mojo(name = "encrypt", threadSafe = true, requiresProject = false)
public class EncryptMojo extends AbstractClusterMojo {

    /** The secret file to encrypt (or an .age file to encrypt again for the current recipients). */
    @Parameter(property = "cluster.file", required = true)
    protected File file;

    /** Age recipients (age1..., comma-separated) to encrypt for instead of the spec's secrets.ageRecipients. */
    @Parameter(property = "cluster.ageRecipients")
    protected String ageRecipients;

    /**
     * An age identity file (AGE-SECRET-KEY-1..., as age-keygen writes it) to decrypt an .age file that
     * is encrypted again, tried with those in SOPS_AGE_KEY_FILE and SOPS_AGE_KEY.
     */
    @Parameter(property = "cluster.ageIdentity")
    protected File ageIdentity;

    /** The Talos secrets bundle as configured, so that encrypting it says what generate does next. */
    @Parameter(property = "cluster.secretsBundle", defaultValue = "${project.basedir}/secrets/talos-secrets.yaml")
    protected File secretsBundle;

    @Override
    protected String goal() {
        return "encrypt";
    }

    @Override
    protected void run() {
        GoalParameters parameters = parameters().secretsBundle(secretsBundle).ageRecipients(ageRecipients).ageIdentity(ageIdentity);
        SecretFileEncryption.Result result = SecretFileEncryption.encrypt(parameters.specFile(), file.toPath(),
                parameters.ageRecipients(), parameters.ageKeys(), parameters.secretsBundle());
        result.notes().forEach(getLog()::info);
    }
}
