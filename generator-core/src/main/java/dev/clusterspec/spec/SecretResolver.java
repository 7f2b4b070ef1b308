package dev.clusterspec.spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns secret references into values, when needed and not before. Files are read relative to the
 * spec's folder; one trailing newline is dropped (editors add it). Errors name the reference only.
 */
public final class SecretResolver {

    private final Path baseDir;
    private final Function<String, String> environment;

    public SecretResolver(Path baseDir, Function<String, String> environment) {
        this.baseDir = baseDir;
        this.environment = environment;
    }

    public static SecretResolver forSpec(Path specFile) {
        Map<String, String> env = System.getenv();
        return new SecretResolver(specFile.toAbsolutePath().getParent(), env::get);
    }

    public String resolve(SecretRef ref) {
        return switch (ref.source()) {
            case ENV -> {
                String value = environment.apply(ref.name());
                if (value == null || value.isEmpty()) {
                    throw new MissingSecretException(ref, "environment variable " + ref.name() + " is not set");
                }
                yield value;
            }
            case FILE -> {
                Path file = file(ref);
                try {
                    String value = Files.readString(file, StandardCharsets.UTF_8);
                    yield value.endsWith("\n") ? value.substring(0, value.length() - 1) : value;
                } catch (IOException e) {
                    throw new MissingSecretException(ref, "cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
                }
            }
        };
    }

    /** The file a {@code ${file:...}} reference points at, for fingerprints of inputs. */
    public Path file(SecretRef ref) {
        return baseDir.resolve(ref.name()).normalize();
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
