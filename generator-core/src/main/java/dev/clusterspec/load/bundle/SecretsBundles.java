package dev.clusterspec.load.bundle;

import dev.clusterspec.load.age.AgeDecryptor;
import dev.clusterspec.load.age.AgeEncryptor;
import dev.clusterspec.load.age.AgeFiles;
import dev.clusterspec.load.age.AgeRecipient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** The entry point behind {@code cluster:secrets}: create the cluster's secrets bundle once. */
public final class SecretsBundles {

    private SecretsBundles() {
    }

    /** {@link #createIfAbsent(Path, Clock, SecureRandom)} with the system clock and a new SecureRandom. */
    public static SecretsBundleCreation createIfAbsent(Path file) {
        return createIfAbsent(file, Clock.systemUTC(), new SecureRandom());
    }

    /**
     * Creates a new bundle at {@code file} unless one is there. An existing file is never changed; it
     * is read and checked instead, so a damaged bundle is reported now rather than at generate time.
     *
     * @throws SecretsBundleFormatException if the existing file is not a valid bundle
     * @throws SecretsBundleException if the file cannot be read or written
     */
    public static SecretsBundleCreation createIfAbsent(Path file, Clock clock, SecureRandom random) {
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return existing(file);
        }
        SecretsBundle bundle = SecretsBundleGenerator.generate(clock, random);
        try {
            SecretsBundleWriter.writeNew(file, bundle);
        } catch (SecretsBundleExistsException e) {
            // created by someone else while we generated: theirs wins, ours is discarded unseen
            return existing(file);
        }
        return new SecretsBundleCreation(file, SecretsBundleCreation.Outcome.CREATED, bundle, List.of());
    }

    /**
     * Creates the bundle configured as {@code configured} unless it exists, plain or encrypted (see
     * {@link SecretsBundleFile}). With recipients the new bundle is encrypted for them in memory and
     * written as {@code <configured>.age} only: its plain form never reaches the disk. An existing
     * bundle is checked (an encrypted one is decrypted with {@code age} for that) and left unchanged.
     *
     * @param recipients whom to encrypt a new bundle for; empty for a plain bundle
     * @throws SecretsBundleException if the file cannot be read, decrypted or written, or a plain bundle
     *     is asked for at a path ending in .age
     */
    public static SecretsBundleCreation createIfAbsent(Path configured, List<AgeRecipient> recipients, AgeDecryptor age,
                                                       Clock clock, SecureRandom random) {
        Optional<Path> present = SecretsBundleFile.locate(configured);
        if (present.isPresent()) {
            SecretsBundleFile.Loaded loaded = SecretsBundleFile.read(configured, age);
            return new SecretsBundleCreation(loaded.file(), SecretsBundleCreation.Outcome.ALREADY_EXISTS, loaded.bundle(), recipients);
        }
        if (recipients.isEmpty()) {
            if (AgeFiles.isEncrypted(configured)) {
                throw new SecretsBundleException("cluster.secretsBundle " + configured + " names an encrypted file (.age) but no age"
                        + " recipients are given: list them in the spec's secrets.ageRecipients or give -Dcluster.ageRecipients=age1...");
            }
            return createIfAbsent(configured, clock, random);
        }
        Path file = AgeFiles.isEncrypted(configured) ? configured : AgeFiles.encryptedName(configured);
        SecretsBundle bundle = SecretsBundleGenerator.generate(clock, random);
        byte[] encrypted = AgeEncryptor.encrypt(SecretsBundleWriter.toYaml(bundle).getBytes(StandardCharsets.UTF_8), recipients);
        try {
            SecretsBundleWriter.writeNew(file, encrypted);
        } catch (SecretsBundleExistsException e) {
            SecretsBundleFile.Loaded theirs = SecretsBundleFile.read(configured, age);
            return new SecretsBundleCreation(theirs.file(), SecretsBundleCreation.Outcome.ALREADY_EXISTS, theirs.bundle(), List.of());
        }
        return new SecretsBundleCreation(file, SecretsBundleCreation.Outcome.CREATED, bundle, recipients);
    }

    private static SecretsBundleCreation existing(Path file) {
        return new SecretsBundleCreation(file, SecretsBundleCreation.Outcome.ALREADY_EXISTS, SecretsBundleReader.read(file), List.of());
    }
}
