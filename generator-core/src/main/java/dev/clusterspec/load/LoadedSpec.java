package dev.clusterspec.load;

import dev.clusterspec.Sha256;
import dev.clusterspec.spec.ClusterSpec;
import java.nio.file.Path;

/** A bound spec with where it came from: its file, its bytes' hash and the positions of its values. */
public final class LoadedSpec {

    private final ClusterSpec spec;
    private final Path file;
    private final byte[] bytes;
    private final SourceMap sourceMap;
    // hashed when first asked: validating alone never needs it, and the first digest in a new JVM costs ~15 ms;
    // a generate asks from two threads (fingerprint, input record), and at worst both hash the same bytes
    private volatile String sha256;

    LoadedSpec(ClusterSpec spec, Path file, byte[] bytes, SourceMap sourceMap) {
        this.spec = spec;
        this.file = file;
        this.bytes = bytes;
        this.sourceMap = sourceMap;
    }

    public ClusterSpec spec() {
        return spec;
    }

    public Path file() {
        return file;
    }

    /** Lower-case hex SHA-256 of the file's bytes as they were read. */
    public String sha256() {
        String hash = sha256;
        if (hash == null) {
            hash = Sha256.hex(bytes);
            sha256 = hash;
        }
        return hash;
    }

    public SourceMap sourceMap() {
        return sourceMap;
    }
}
