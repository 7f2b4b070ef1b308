package dev.clusterspec.maven;

import dev.clusterspec.load.bundle.SecretsBundleCreation;
import dev.clusterspec.load.bundle.SecretsBundles;
import dev.clusterspec.generate.EncryptionRecipients;
import dev.clusterspec.load.age.AgeDecryptor;
import dev.clusterspec.load.age.AgeRecipient;
import java.io.File;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Creates the Talos secrets bundle (CAs, keys, tokens) once, in the format of
 * {@code talosctl gen secrets}, with owner-only permissions. An existing bundle (plain, or
 * encrypted beside it as {@code .age}) is never overwritten: it is checked and kept. With age
 * recipients the new bundle is encrypted for them in memory and written only as
 * {@code <secretsBundle>.age}, which can be committed; a plain bundle must stay out of Git.
 */
@Mojo(name = "secrets", threadSafe = true, requiresProject = false)
public class SecretsMojo extends AbstractClusterMojo {

    /**
     * The Talos secrets bundle; made by this goal or by {@code talosctl gen secrets}. Encrypted, it is
     * this path with .age appended.
     */
    @Parameter(property = "cluster.secretsBundle", defaultValue = "${project.basedir}/secrets/talos-secrets.yaml")
    protected File secretsBundle;

    /**
     * Age recipients (age1..., comma-separated) to encrypt a new bundle for. When not given, those in
     * the spec's secrets.ageRecipients are used (if the spec exists); with none, the bundle is written plain.
     */
    @Parameter(property = "cluster.ageRecipients")
    protected String ageRecipients;

    /**
     * An age identity file (AGE-SECRET-KEY-1..., as age-keygen writes it) to check an existing
     * encrypted bundle with, tried with those in SOPS_AGE_KEY_FILE and SOPS_AGE_KEY.
     */
    @Parameter(property = "cluster.ageIdentity")
    protected File ageIdentity;

    @Override
    protected String goal() {
        return "secrets";
    }

    @Override
    protected void run() {
        GoalParameters parameters = parameters().secretsBundle(secretsBundle).ageRecipients(ageRecipients).ageIdentity(ageIdentity);
        List<AgeRecipient> recipients = EncryptionRecipients.of(parameters.ageRecipients(), parameters.specFile());
        SecretsBundleCreation creation = SecretsBundles.createIfAbsent(parameters.secretsBundle(), recipients,
                new AgeDecryptor(parameters.ageKeys(), recipients), Clock.systemUTC(), new SecureRandom());
        getLog().info(creation.message());
    }
}
