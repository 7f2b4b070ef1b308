package dev.clusterspec.load.bundle;

import dev.clusterspec.Sha256;
import dev.clusterspec.load.age.AgeDecryptor;
import dev.clusterspec.load.age.AgeException;
import dev.clusterspec.load.age.AgeFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the bundle configured as {@code cluster.secretsBundle} is, and reading it: the file itself,
 * or, when only that exists, the same path with {@code .age} appended, decrypted in memory (a path
 * that already ends in {@code .age} is encrypted too). The decrypted bundle is never written.
 */
public final class SecretsBundleFile {

    /**
     * A bundle as read: its plain bytes, parsed (and its keys checked) only when first asked for, so
     * that a run which turns out to be up to date never parses key material.
     */
    public static final class Loaded {

        private final byte[] plain;
        private final Path file;
        private final boolean encrypted;
        private final Optional<String> note;
        private SecretsBundle bundle;

        private Loaded(byte[] plain, Path file, boolean encrypted, Optional<String> note) {
            this.plain = plain;
            this.file = file;
            this.encrypted = encrypted;
            this.note = note;
        }

        /**
         * @throws SecretsBundleFormatException if the content is not a usable bundle
         */
        public SecretsBundle bundle() {
            if (bundle == null) {
                bundle = SecretsBundleReader.read(plain, encrypted ? file + " (decrypted)" : file.toString());
            }
            return bundle;
        }

        /** The file it was read from. */
        public Path file() {
            return file;
        }

        /** Whether that file is age-encrypted. */
        public boolean encrypted() {
            return encrypted;
        }

        /**
         * The hash of the bundle's plain bytes: what a fingerprint of the inputs must use, since the
         * encrypted bytes change each time a same bundle is encrypted again.
         */
        public String contentSha256() {
            return Sha256.hex(plain);
        }

        /** Something the user should know (both the plain and the encrypted file exist), if any. */
        public Optional<String> note() {
            return note;
        }
    }

    private SecretsBundleFile() {
    }

    /** The file holding the bundle configured as {@code configured}, if there is one. */
    public static Optional<Path> locate(Path configured) {
        if (exists(configured)) {
            return Optional.of(configured);
        }
        Path encrypted = AgeFiles.encryptedName(configured);
        return !AgeFiles.isEncrypted(configured) && exists(encrypted) ? Optional.of(encrypted) : Optional.empty();
    }

    /**
     * Reads (and decrypts) the bundle configured as {@code configured}; {@link Loaded#bundle()} parses it.
     *
     * @throws SecretsBundleException if there is none, or it cannot be read or decrypted
     */
    public static Loaded read(Path configured, AgeDecryptor age) {
        Path file = locate(configured).orElseThrow(() -> new SecretsBundleException("no Talos secrets bundle at " + configured
                + (AgeFiles.isEncrypted(configured) ? "" : " (nor an encrypted one at " + AgeFiles.encryptedName(configured) + ")")
                + ": run 'mvn cluster:secrets' once to create it (or point cluster.secretsBundle at one made by 'talosctl gen secrets')"));
        byte[] stored = SecretsBundleReader.bytes(file);
        boolean encrypted = AgeFiles.isEncrypted(file);
        byte[] plain = encrypted ? decrypt(age, stored, file) : stored;
        Optional<String> note = !encrypted && exists(AgeFiles.encryptedName(file))
                ? Optional.of("both " + file + " and " + AgeFiles.encryptedName(file) + " exist; the plain one is used."
                        + " Once the encrypted one is committed, delete " + file + " so that the two cannot drift apart")
                : Optional.empty();
        return new Loaded(plain, file, encrypted, note);
    }

    private static byte[] decrypt(AgeDecryptor age, byte[] encrypted, Path file) {
        try {
            return age.decrypt(encrypted, file.toString());
        } catch (AgeException e) {
            throw new SecretsBundleException("cannot decrypt the Talos secrets bundle " + e.getMessage());
        }
    }

    private static boolean exists(Path file) {
        return Files.exists(file);
    }
}
