package dev.clusterspec.load;

import dev.clusterspec.spec.ClusterSpec;
import java.nio.file.Path;

/** A bound spec with where it came from: its file, its bytes' hash and the positions of its values. */
public record LoadedSpec(ClusterSpec spec, Path file, String sha256, SourceMap sourceMap) {}
