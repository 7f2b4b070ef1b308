package dev.clusterspec.emit.talos.secrets;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;

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
        return new SecretsBundleCreation(file, SecretsBundleCreation.Outcome.CREATED, bundle);
    }

    private static SecretsBundleCreation existing(Path file) {
        return new SecretsBundleCreation(file, SecretsBundleCreation.Outcome.ALREADY_EXISTS, SecretsBundleReader.read(file));
    }
}
