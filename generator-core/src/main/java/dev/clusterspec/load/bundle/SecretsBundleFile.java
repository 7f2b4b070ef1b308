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
     * A bundle as read.
     *
     * @param file the file it was read from
     * @param encrypted whether that file is age-encrypted
     * @param contentSha256 the hash of the bundle's plain bytes: what a fingerprint of the inputs
     *     must use, since the encrypted bytes change each time a same bundle is encrypted again
     * @param note something the user should know (both the plain and the encrypted file exist), if any
     */
    public record Loaded(SecretsBundle bundle, Path file, boolean encrypted, String contentSha256, Optional<String> note) {}

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
     * Reads and checks the bundle configured as {@code configured}.
     *
     * @throws SecretsBundleException if there is none, or it cannot be read or decrypted
     * @throws SecretsBundleFormatException if its content is not a usable bundle
     */
    public static Loaded read(Path configured, AgeDecryptor age) {
        Path file = locate(configured).orElseThrow(() -> new SecretsBundleException("no Talos secrets bundle at " + configured
                + (AgeFiles.isEncrypted(configured) ? "" : " (nor an encrypted one at " + AgeFiles.encryptedName(configured) + ")")
                + ": run 'mvn cluster:secrets' once to create it (or point cluster.secretsBundle at one made by 'talosctl gen secrets')"));
        byte[] stored = SecretsBundleReader.bytes(file);
        boolean encrypted = AgeFiles.isEncrypted(file);
        byte[] plain = encrypted ? decrypt(age, stored, file) : stored;
        SecretsBundle bundle = SecretsBundleReader.read(plain, encrypted ? file + " (decrypted)" : file.toString());
        Optional<String> note = !encrypted && exists(AgeFiles.encryptedName(file))
                ? Optional.of("both " + file + " and " + AgeFiles.encryptedName(file) + " exist; the plain one is used."
                        + " Once the encrypted one is committed, delete " + file + " so that the two cannot drift apart")
                : Optional.empty();
        return new Loaded(bundle, file, encrypted, Sha256.hex(plain), note);
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
