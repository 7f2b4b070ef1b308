package dev.clusterspec.load;

import dev.clusterspec.load.age.AgeDecryptor;
import dev.clusterspec.load.age.AgeException;
import dev.clusterspec.load.age.AgeFiles;
import dev.clusterspec.load.age.AgeKeySources;
import dev.clusterspec.load.age.AgeRecipient;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import dev.clusterspec.spec.SpecFolder;
import dev.clusterspec.spec.ClusterSpec;
import dev.clusterspec.spec.SecretRef;

/**
 * Turns secret references into values, when needed and not before. Files are read from the spec's
 * folder only (see {@link SpecFolder}); a file named {@code *.age} is decrypted in memory; one
 * trailing newline is dropped (editors add it). Errors name the reference only, never a value.
 */
public final class SecretResolver {

    /** A secret is a token or a key of a few kilobytes; anything far bigger is the wrong file. */
    static final long MAX_FILE_BYTES = 1 << 20;

    private final SpecFolder folder;
    private final Function<String, String> environment;
    private final AgeDecryptor age;

    /** Age files are decrypted with the identities the same environment names (SOPS_AGE_KEY_FILE, SOPS_AGE_KEY). */
    public SecretResolver(Path baseDir, Function<String, String> environment) {
        this(baseDir, environment, new AgeDecryptor(new AgeKeySources(null, environment), List.of()));
    }

    public SecretResolver(Path baseDir, Function<String, String> environment, AgeDecryptor age) {
        this.folder = new SpecFolder(baseDir);
        this.environment = environment;
        this.age = age;
    }

    /** For the spec's folder and the build's environment, age identities from SOPS_AGE_KEY_FILE or SOPS_AGE_KEY. */
    public static SecretResolver forSpec(Path specFile) {
        return forSpec(specFile, new AgeDecryptor(AgeKeySources.system(null), List.of()));
    }

    /** For the spec's folder and the build's environment, with the given age decryptor. */
    public static SecretResolver forSpec(Path specFile, AgeDecryptor age) {
        Map<String, String> env = System.getenv();
        return new SecretResolver(specFile.toAbsolutePath().getParent(), env::get, age);
    }

    /**
     * A decryptor for the spec: its recipients are named when a file cannot be decrypted. A recipient
     * that is not valid is left out here; the checker reports it at its line.
     */
    public static AgeDecryptor decryptor(ClusterSpec spec, AgeKeySources keys) {
        return new AgeDecryptor(keys, spec.secrets().ageRecipients().stream()
                .filter(r -> AgeRecipient.problem(r).isEmpty()).map(AgeRecipient::new).toList());
    }

    public String resolve(SecretRef ref) {
        return switch (ref.source()) {
            case ENV -> {
                String value = environment.apply(ref.name());
                if (value == null || value.isEmpty()) {
                    throw new MissingSecretException(ref, "environment variable " + ref.name()
                            + " is not set; export it before running the build");
                }
                yield value;
            }
            case FILE -> {
                String value = text(ref, ref.name().endsWith(AgeFiles.SUFFIX) ? decrypt(ref, read(ref)) : read(ref));
                yield value.endsWith("\n") ? value.substring(0, value.length() - 1) : value;
            }
        };
    }

    /** The bytes of a {@code ${file:...}} reference, from inside the spec's folder only. */
    private byte[] read(SecretRef ref) {
        Path file;
        try {
            file = folder.resolve(ref.name());
            Path real = folder.real(file);
            if (!Files.isRegularFile(real)) {
                throw new MissingSecretException(ref, file + " is not a regular file");
            }
            if (Files.size(real) > MAX_FILE_BYTES) {
                throw new MissingSecretException(ref, file + " is larger than " + MAX_FILE_BYTES + " bytes; a secret is a few kilobytes at most");
            }
            return Files.readAllBytes(real);
        } catch (SpecFolder.OutsideException e) {
            throw new MissingSecretException(ref, e.getMessage());
        } catch (NoSuchFileException e) {
            throw new MissingSecretException(ref, "there is no file " + folder.root().resolve(ref.name()).normalize()
                    + "; create it (the value alone; a trailing newline is dropped) or correct the path");
        } catch (IOException e) {
            throw new MissingSecretException(ref, "cannot read " + folder.root().resolve(ref.name()).normalize()
                    + " (" + e.getClass().getSimpleName() + "); check its permissions");
        }
    }

    private byte[] decrypt(SecretRef ref, byte[] encrypted) {
        try {
            return age.decrypt(encrypted, ref.name());
        } catch (AgeException e) {
            throw new MissingSecretException(ref, e.getMessage());
        }
    }

    private static String text(SecretRef ref, byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new MissingSecretException(ref, "the file is not UTF-8 text");
        }
    }

    /** A secret reference that cannot be resolved; the message names the reference, never a value. */
    public static final class MissingSecretException extends RuntimeException implements dev.clusterspec.UserError {
        private final transient SecretRef reference;

        public MissingSecretException(SecretRef reference, String why) {
            super("secret " + reference + " cannot be resolved: " + why);
            this.reference = reference;
        }

        public SecretRef reference() {
            return reference;
        }
    }
}
