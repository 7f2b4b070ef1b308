package dev.clusterspec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A bundled example copied into a test's own folder ({@link Examples#copy}), with edits a test makes
 * to the spec or the secret files without touching the checkout.
 */
public final class ExampleCopy {

    private final Path spec;

    private ExampleCopy(Path spec) {
        this.spec = spec;
    }

    public static ExampleCopy of(String example, Path into) {
        try {
            return new ExampleCopy(Examples.copy(example, into));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path spec() {
        return spec;
    }

    public Path dir() {
        return spec.getParent();
    }

    /** Adds text at the end of the spec (a new top-level section). */
    public ExampleCopy append(String text) {
        try {
            Files.writeString(spec, Files.readString(spec) + text);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a secret file of the example (under secrets/) with a new value. */
    public ExampleCopy secret(String name, String value) {
        try {
            Files.writeString(dir().resolve("secrets").resolve(name), value);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every secret file the spec names encrypted for {@code recipient} by the age command line, as
     * {@code <name>.age}, with the plain file deleted and the spec's references pointed at the new name.
     */
    public ExampleCopy encryptSecretsWithAgeCli(String recipient) {
        try (Stream<Path> files = Files.list(dir().resolve("secrets"))) {
            for (Path plain : files.filter(f -> f.getFileName().toString().endsWith(".demo")).sorted().toList()) {
                Path encrypted = plain.resolveSibling(plain.getFileName() + ".age");
                Files.write(encrypted, dev.clusterspec.load.age.AgeCli.encrypt(Files.readAllBytes(plain), false, recipient));
                Files.delete(plain);
                String name = "secrets/" + plain.getFileName();
                String yaml = Files.readString(spec);
                Files.writeString(spec, yaml.replace("${file:" + name + "}", "${file:" + name + ".age}"));
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Takes the example's {@code manifests.extraManifests} out (the key, its comments and its items),
     * for tests about the fetch token or its host that need no URL of the example's own.
     */
    public ExampleCopy withoutExtraManifests() {
        try {
            String yaml = Files.readString(spec);
            String without = yaml.replaceAll("(?m)^  extraManifests:\n(?:    [-#].*\n|      .*\n)*", "");
            if (without.equals(yaml)) {
                throw new IllegalArgumentException("the spec has no manifests.extraManifests");
            }
            Files.writeString(spec, without);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces one exact piece of the spec's text, which must be there. */
    public ExampleCopy replace(String text, String replacement) {
        try {
            String yaml = Files.readString(spec);
            if (!yaml.contains(text)) {
                throw new IllegalArgumentException("the spec has no '" + text + "'");
            }
            Files.writeString(spec, yaml.replace(text, replacement));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The 1-based number of the first line of {@code file} that contains {@code text}: where a diagnostic must point. */
    public static int lineOf(Path file, String text) {
        try {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(text)) {
                    return i + 1;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalArgumentException(text + " not in " + file);
    }
}
