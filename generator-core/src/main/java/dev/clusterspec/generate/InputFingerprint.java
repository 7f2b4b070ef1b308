package dev.clusterspec.generate;

import dev.clusterspec.spec.ClusterSpec;
import dev.clusterspec.spec.SecretRef;
import dev.clusterspec.spec.SecretRefs;
import dev.clusterspec.load.SecretResolver;
import dev.clusterspec.Sha256;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * One hash over everything a generate run reads: the spec's bytes, the secrets bundle, every
 * referenced secret (hashed, never stored), the generator's own code with its templates and
 * schemas, and the options. When it equals the last run's and that output is intact, the run can
 * be skipped. Secrets and the bundle count by their plain content: an age-encrypted file is
 * different bytes each time it is encrypted, and encrypting the same value again changes nothing.
 */
public final class InputFingerprint {

    private final TreeMap<String, String> parts = new TreeMap<>();

    public InputFingerprint add(String name, String value) {
        parts.put(name, value);
        return this;
    }

    public InputFingerprint addBytes(String name, byte[] bytes) {
        return add(name, Sha256.hex(bytes));
    }

    public InputFingerprint addFile(String name, Path file) {
        try {
            return Files.isRegularFile(file) ? addBytes(name, Files.readAllBytes(file)) : add(name, "absent");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each secret by the hash of its value; an unresolvable one by its absence. */
    public InputFingerprint addSecrets(ClusterSpec spec, SecretResolver resolver) {
        for (SecretRef ref : SecretRefs.in(spec)) {
            String value;
            try {
                value = Sha256.hex(resolver.resolve(ref).getBytes(StandardCharsets.UTF_8));
            } catch (SecretResolver.MissingSecretException e) {
                value = "missing";
            }
            add("secret " + ref, value);
        }
        return this;
    }

    /** The generator's code, templates and schemas: its jar, or its class folder when run from a build. */
    public InputFingerprint addGeneratorCode() {
        return add("generator", generatorCode());
    }

    /** The options that change what is generated from the same inputs. */
    InputFingerprint addOptions(GenerateRequest request) {
        return add("options", options(request));
    }

    static String options(GenerateRequest request) {
        return "catalogMirror=" + request.catalogMirrorIfAny().map(Object::toString).orElse("-")
                + " schemas=" + request.schemasIfAny().map(Object::toString).orElse("-");
    }

    /**
     * The hash of the generator's code, computed once per class loader: the code a JVM runs cannot
     * change under it, and hashing it is a noticeable part of deciding that nothing changed.
     */
    static String generatorCode() {
        return GeneratorCode.SHA256;
    }

    private static final class GeneratorCode {
        static final String SHA256 = hash();

        private static String hash() {
            try {
                Path location = Path.of(InputFingerprint.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                if (Files.isRegularFile(location)) {
                    return Sha256.hex(Files.readAllBytes(location));
                }
                List<String> hashes = new ArrayList<>();
                try (Stream<Path> files = Files.walk(location)) {
                    for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                        hashes.add(location.relativize(f) + "=" + Sha256.hex(Files.readAllBytes(f)));
                    }
                }
                return Sha256.hex(String.join("\n", hashes).getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (URISyntaxException | RuntimeException e) {
                // no code source (unusual class loader): never skip rather than skip wrongly
                return "unknown-" + System.nanoTime();
            }
        }
    }

    public String value() {
        StringBuilder all = new StringBuilder();
        parts.forEach((k, v) -> all.append(k).append('=').append(v).append('\n'));
        return Sha256.hex(all.toString().getBytes(StandardCharsets.UTF_8));
    }
}
