package dev.clusterspec.generate;

import dev.clusterspec.spec.ClusterSpec;
import dev.clusterspec.spec.SecretRef;
import dev.clusterspec.spec.SecretRefs;
import dev.clusterspec.load.SecretResolver;
import dev.clusterspec.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.Adler32;

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

    public String value() {
        StringBuilder all = new StringBuilder();
        parts.forEach((k, v) -> all.append(k).append('=').append(v).append('\n'));
        return Sha256.hex(all.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The checksum of the generator's code, computed once per class loader: the code a JVM runs cannot
     * change under it, and reading it is a noticeable part of deciding that nothing changed.
     */
    static String generatorCode() {
        return GeneratorCode.CHECKSUM;
    }

    /**
     * The generator's jar (with the Maven plugin: every class it runs, its dependencies included) or
     * class folder, by two 32-bit checksums, CRC-32 and Adler-32. Of a jar they cover the central
     * directory, which lists every entry with its name, sizes and the CRC-32 of its content, so a
     * changed class or template changes it; of a folder, every file's name and bytes. They only have
     * to tell one build of the tool from another, and the JVM computes them in native code even before
     * anything is compiled: SHA-256 over the plugin's 20 MB jar took longer than the rest of an
     * unchanged run.
     */
    private static final class GeneratorCode {
        static final String CHECKSUM = checksum();

        private static String checksum() {
            try {
                Path location = Path.of(InputFingerprint.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                CodeChecksum checksum = new CodeChecksum();
                if (Files.isRegularFile(location)) {
                    checksum.addJar(location);
                } else {
                    try (Stream<Path> files = Files.walk(location)) {
                        for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                            checksum.add(location.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
                            checksum.add(f);
                        }
                    }
                }
                return checksum.value();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (URISyntaxException | RuntimeException e) {
                // no code source (unusual class loader): never skip rather than skip wrongly
                return "unknown-" + System.nanoTime();
            }
        }
    }

    private static final class CodeChecksum {
        private static final int END_RECORD = 22;
        private static final int END_SIGNATURE = 0x06054b50;
        private final CRC32 crc32 = new CRC32();
        private final Adler32 adler32 = new Adler32();
        private long length;

        void add(Path file) throws IOException {
            byte[] buffer = new byte[1 << 16];
            try (InputStream in = Files.newInputStream(file)) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    crc32.update(buffer, 0, n);
                    adler32.update(buffer, 0, n);
                    length += n;
                }
            }
        }

        void addJar(Path jar) throws IOException {
            try (FileChannel channel = FileChannel.open(jar)) {
                Optional<ByteBuffer> directory = centralDirectory(channel);
                if (directory.isPresent()) {
                    add(directory.get().array());
                } else {
                    add(jar);
                }
            }
        }

        /** The central directory, found from the end record; empty for ZIP64 or anything unexpected. */
        private static Optional<ByteBuffer> centralDirectory(FileChannel channel) throws IOException {
            long size = channel.size();
            int tailLength = (int) Math.min(size, END_RECORD + 0xFFFF);
            ByteBuffer tail = readFully(channel, size - tailLength, tailLength);
            for (int at = tailLength - END_RECORD; at >= 0; at--) {
                if (tail.getInt(at) == END_SIGNATURE) {
                    long length = Integer.toUnsignedLong(tail.getInt(at + 12));
                    long offset = Integer.toUnsignedLong(tail.getInt(at + 16));
                    boolean plain = length < Integer.MAX_VALUE && offset + length <= size - tailLength + at;
                    return plain ? Optional.of(readFully(channel, offset, (int) length)) : Optional.empty();
                }
            }
            return Optional.empty();
        }

        private static ByteBuffer readFully(FileChannel channel, long position, int length) throws IOException {
            ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, position + buffer.position()) < 0) {
                    throw new IOException("the jar ends early");
                }
            }
            return buffer;
        }

        void add(byte[] bytes) {
            crc32.update(bytes);
            adler32.update(bytes);
            length += bytes.length;
        }

        String value() {
            return "crc32-" + Long.toHexString(crc32.getValue()) + "-adler32-" + Long.toHexString(adler32.getValue()) + "-" + length;
        }
    }
}
