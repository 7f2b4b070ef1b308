package dev.clusterspec.write;

import dev.clusterspec.Sha256;
import dev.clusterspec.emit.OutputFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The record of one generate run, kept in the output folder: the fingerprint of its inputs and what
 * the pipeline recorded about them (so an unchanged run can be skipped), and every output with its
 * size and sha256 (for diff and reports).
 *
 * @param inputs what the pipeline recorded about the run's inputs, opaque here; missing when none
 */
public record OutputIndex(String fingerprint, JsonNode inputs, List<Entry> entries) {

    public static final String PATH = ".clusterspec/index.json";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public record Entry(String path, long size, String sha256, boolean secret) {}

    public static OutputIndex of(String fingerprint, JsonNode inputs, List<OutputFile> files) {
        List<Entry> entries = files.stream()
                .sorted(Comparator.comparing(OutputFile::path))
                .map(f -> new Entry(f.path(), f.size(), Sha256.hex(f.content()), f.secret()))
                .toList();
        return new OutputIndex(fingerprint, inputs, entries);
    }

    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("fingerprint", fingerprint);
        if (!inputs.isMissingNode()) {
            root.set("inputs", inputs);
        }
        ArrayNode files = root.putArray("files");
        for (Entry e : entries) {
            ObjectNode f = files.addObject();
            f.put("path", e.path());
            f.put("size", e.size());
            f.put("sha256", e.sha256());
            f.put("secret", e.secret());
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    }

    /** The index of an earlier run, if the folder holds a readable one. */
    public static Optional<OutputIndex> read(Path outputDir) {
        Path file = outputDir.resolve(PATH);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode root = JSON.readTree(Files.readString(file));
            List<Entry> entries = new java.util.ArrayList<>();
            for (JsonNode f : root.path("files")) {
                entries.add(new Entry(f.path("path").asString(), f.path("size").asLong(), f.path("sha256").asString(),
                        f.path("secret").asBoolean()));
            }
            return Optional.of(new OutputIndex(root.path("fingerprint").asString(), root.path("inputs"), entries));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** True when every indexed file is still there with the bytes the index recorded. */
    public boolean matches(Path outputDir) {
        for (Entry e : entries) {
            Path file = outputDir.resolve(e.path());
            try {
                if (!Files.isRegularFile(file) || Files.size(file) != e.size() || !Sha256.hex(Files.readAllBytes(file)).equals(e.sha256())) {
                    return false;
                }
            } catch (IOException ex) {
                return false;
            }
        }
        return true;
    }

}
