package dev.clusterspec.generate;

import dev.clusterspec.load.LoadedSpec;
import dev.clusterspec.load.SpecLoader;
import dev.clusterspec.load.age.AgeDecryptor;
import dev.clusterspec.load.age.AgeEncryptor;
import dev.clusterspec.load.age.AgeException;
import dev.clusterspec.load.age.AgeFiles;
import dev.clusterspec.load.age.AgeIdentities;
import dev.clusterspec.load.age.AgeIdentity;
import dev.clusterspec.load.age.AgeKeySources;
import dev.clusterspec.load.age.AgeRecipient;
import dev.clusterspec.spec.SecretRef;
import dev.clusterspec.spec.SecretRefs;
import dev.clusterspec.load.SecretResolver;
import dev.clusterspec.spec.SpecFolder;
import dev.clusterspec.yaml.Position;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What {@code cluster:encrypt} does: a secret file encrypted in memory for the spec's age recipients
 * and written beside it as {@code <file>.age}, so that it can be committed; the plain file is left
 * for the user to delete. Given a {@code .age} file it is decrypted and encrypted again for the
 * recipients the spec lists now (after someone joined or left), in place.
 */
public final class SecretFileEncryption {

    /** A secret is a few kilobytes, a bundle about eight; anything far bigger is the wrong file. */
    private static final long MAX_BYTES = 1 << 20;

    /**
     * @param written the encrypted file
     * @param notes what the user should do next, one line each
     */
    public record Result(Path written, List<String> notes) {}

    private SecretFileEncryption() {
    }

    /**
     * @param recipients whom to encrypt for instead of the spec's secrets.ageRecipients; empty for the spec's
     * @param secretsBundle the configured Talos secrets bundle, so that encrypting it can say what follows
     */
    public static Result encrypt(Path specFile, Path file, List<AgeRecipient> recipients, AgeKeySources keys, Path secretsBundle) {
        LoadedSpec loaded = new SpecLoader().load(specFile);
        List<AgeRecipient> to = EncryptionRecipients.of(recipients, loaded);
        if (to.isEmpty()) {
            throw new AgeException("no age recipients to encrypt " + file + " for: list them in " + specFile
                    + " under secrets.ageRecipients (age-keygen -y <your key file> prints yours), or give -Dcluster.ageRecipients=age1...");
        }
        boolean again = AgeFiles.isEncrypted(file);
        byte[] stored = read(file);
        byte[] plain = again ? SecretResolver.decryptor(loaded.spec(), keys).decrypt(stored, file.toString()) : stored;
        Path target = again ? file : AgeFiles.encryptedName(file);
        writeReplacing(target, AgeEncryptor.encrypt(plain, to));

        List<String> notes = new ArrayList<>();
        String names = to.stream().map(AgeRecipient::value).collect(Collectors.joining(", "));
        notes.add((again ? "Encrypted " + file + " again, for " : "Encrypted " + file + " for ") + names + " into " + target
                + " (it can be committed to Git).");
        if (!again) {
            notes.add("Delete the plain file now (rm " + file + "): the encrypted one is what the build reads and what goes into Git.");
            notes.addAll(referencesToChange(loaded, file));
            if (secretsBundle != null && secretsBundle.toAbsolutePath().normalize().equals(file.toAbsolutePath().normalize())) {
                notes.add("cluster:generate reads " + target.getFileName() + " by itself once " + file.getFileName() + " is gone.");
            }
        }
        locksOut(keys, to).ifPresent(notes::add);
        return new Result(target, notes);
    }

    private static byte[] read(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                throw new AgeException(file + " is not a file: give -Dcluster.file=<the secret file to encrypt>");
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new AgeException(file + " is larger than " + MAX_BYTES + " bytes; a secret file is a few kilobytes");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new AgeException(file + " does not exist: give -Dcluster.file=<the secret file to encrypt>");
        } catch (IOException e) {
            throw new AgeException("cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** The spec's ${file:} fields that still name the plain file, at file:line:col. */
    private static List<String> referencesToChange(LoadedSpec loaded, Path file) {
        SpecFolder folder = SpecFolder.of(loaded.file());
        Path plain = file.toAbsolutePath().normalize();
        List<String> out = new ArrayList<>();
        for (SecretRefs.Located located : SecretRefs.located(loaded.spec())) {
            SecretRef ref = located.ref();
            if (ref.source() != SecretRef.Source.FILE) {
                continue;
            }
            try {
                if (folder.resolve(ref.name()).equals(plain)) {
                    Position at = loaded.sourceMap().valueAt(located.pointer());
                    out.add(loaded.sourceMap().file() + ":" + at.line() + ":" + at.column() + ": change " + ref
                            + " to ${file:" + ref.name() + AgeFiles.SUFFIX + "}");
                }
            } catch (SpecFolder.OutsideException e) {
                // a reference outside the folder names no file here; validate reports it
            }
        }
        return out;
    }

    /** A warning when none of the user's own identities can read what was just written. */
    private static Optional<String> locksOut(AgeKeySources keys, List<AgeRecipient> to) {
        AgeIdentities mine;
        try {
            mine = keys.load();
        } catch (AgeException e) {
            return Optional.empty();
        }
        boolean readable = mine.all().stream().map(AgeIdentity::publicKey).anyMatch(k -> to.stream().anyMatch(r -> r.value().equals(k)));
        return mine.isEmpty() || readable ? Optional.empty()
                : Optional.of("Note: none of your identities (" + mine.describe() + ") is among the recipients,"
                        + " so you cannot decrypt the encrypted file yourself.");
    }

    /** Written whole or not at all: a temporary file in the same folder, then renamed over the target. */
    private static void writeReplacing(Path target, byte[] content) {
        Path directory = target.toAbsolutePath().getParent();
        Path temporary = null;
        try {
            temporary = Files.createTempFile(directory, "." + target.getFileName() + ".", ".tmp");
            Files.write(temporary, content);
            try {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new AgeException("cannot write " + target + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // the target is complete; a leftover temporary file is only untidy
                }
            }
        }
    }
}
