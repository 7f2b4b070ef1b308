package dev.clusterspec.load.bundle;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import dev.clusterspec.yaml.GoYaml;

/**
 * Writes {@code secrets.yaml} in exactly the layout {@code talosctl gen secrets} produces, to a new
 * file only, readable by its owner only.
 */
public final class SecretsBundleWriter {

    private SecretsBundleWriter() {
    }

    /**
     * Writes {@code bundle} to {@code file}, which must not exist yet.
     *
     * <p>The content goes to a temporary file in the same directory first, created with permissions
     * {@code rw-------} where the file system is POSIX (so the secrets are never readable by others,
     * not even for a moment), forced to disk, and then hard-linked to {@code file}: creating a link
     * fails if the name is taken, so an existing bundle cannot be replaced even by a concurrent run.
     * Where hard links are not supported the file is moved without replacing instead. Missing
     * parent directories are created ({@code rwx------} on POSIX).
     *
     * @throws SecretsBundleExistsException if {@code file} already exists (it is left unchanged)
     * @throws SecretsBundleException if the file cannot be written
     */
    public static void writeNew(Path file, SecretsBundle bundle) {
        writeNew(file, toYaml(bundle).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Writes a bundle already turned into bytes (its YAML, or the YAML encrypted with age) to
     * {@code file}, which must not exist yet, in the same way as {@link #writeNew(Path, SecretsBundle)}.
     */
    public static void writeNew(Path file, byte[] content) {
        Path target = file.toAbsolutePath();
        if (Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new SecretsBundleExistsException(file);
        }
        Path directory = target.getParent();
        boolean posix = directory.getFileSystem().supportedFileAttributeViews().contains("posix");
        Path temporary = null;
        try {
            if (posix) {
                Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(directory);
            }
            FileAttribute<?>[] ownerOnly = posix
                    ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                    : new FileAttribute<?>[0];
            temporary = Files.createTempFile(directory, "." + target.getFileName() + ".", ".tmp", ownerOnly);
            if (!posix) {
                restrictToOwner(temporary);
            }
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            publish(temporary, target, file);
            syncDirectory(directory);
        } catch (SecretsBundleException e) {
            throw e;
        } catch (IOException e) {
            throw new SecretsBundleException("Could not write the secrets bundle " + file + ": " + e.getMessage(), e);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // the bundle itself is complete; a leftover temporary file is only untidy
                }
            }
        }
    }

    private static void publish(Path temporary, Path target, Path file) throws IOException {
        try {
            Files.createLink(target, temporary);
        } catch (FileAlreadyExistsException e) {
            throw new SecretsBundleExistsException(file);
        } catch (UnsupportedOperationException | FileSystemException e) {
            if (e instanceof FileSystemException && Files.exists(target)) {
                throw new SecretsBundleExistsException(file);
            }
            try {
                Files.move(temporary, target);
            } catch (FileAlreadyExistsException exists) {
                throw new SecretsBundleExistsException(file);
            }
        }
    }

    private static void restrictToOwner(Path path) {
        java.io.File asFile = path.toFile();
        // Best effort where POSIX permissions do not exist: clear access for everyone, grant the owner.
        asFile.setReadable(false, false);
        asFile.setWritable(false, false);
        asFile.setReadable(true, true);
        asFile.setWritable(true, true);
    }

    private static void syncDirectory(Path directory) {
        // Makes the new directory entry durable on POSIX; not possible everywhere, and not required.
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | RuntimeException ignored) {
            // directories cannot be opened on some platforms
        }
    }

    /**
     * The bundle as talosctl writes it ({@code yaml.Marshal} of its Go struct): keys in struct order,
     * four-space indent, each certificate and key as base64 of its PEM text, no comments.
     */
    public static String toYaml(SecretsBundle bundle) {
        StringBuilder out = new StringBuilder(8192);
        out.append("cluster:\n");
        field(out, 1, "id", bundle.cluster().id());
        field(out, 1, "secret", bundle.cluster().secret());
        out.append("secrets:\n");
        SecretsBundle.Secrets secrets = bundle.secrets();
        field(out, 1, "bootstraptoken", secrets.bootstrapToken());
        secrets.aescbc().ifPresent(v -> field(out, 1, "aescbcencryptionsecret", v));
        secrets.secretbox().ifPresent(v -> field(out, 1, "secretboxencryptionsecret", v));
        out.append("trustdinfo:\n");
        field(out, 1, "token", bundle.trustdInfo().token());
        out.append("certs:\n");
        SecretsBundle.Certs certs = bundle.certs();
        certificateAndKey(out, "etcd", certs.etcd());
        certificateAndKey(out, "k8s", certs.k8s());
        certificateAndKey(out, "k8saggregator", certs.k8sAggregator());
        out.append(GoYaml.INDENT).append("k8sserviceaccount:\n");
        field(out, 2, "key", certs.k8sServiceAccount().keyBase64());
        certificateAndKey(out, "os", certs.os());
        return out.toString();
    }

    private static void certificateAndKey(StringBuilder out, String name, SecretsBundle.CertificateAndKey value) {
        out.append(GoYaml.INDENT).append(name).append(":\n");
        field(out, 2, "crt", value.certificateBase64());
        field(out, 2, "key", value.keyBase64());
    }

    private static void field(StringBuilder out, int depth, String key, String value) {
        out.append(GoYaml.INDENT.repeat(depth)).append(key).append(": ").append(GoYaml.scalar(value)).append('\n');
    }
}
