package dev.clusterspec.write;

import dev.clusterspec.Sha256;
import dev.clusterspec.emit.OutputFile;
import dev.clusterspec.yaml.JsonReader;
import dev.clusterspec.yaml.JsonWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The record of one generate run, kept in the output folder: the fingerprint of its inputs and what
 * the pipeline recorded about them (so an unchanged run can be skipped), and every output with its
 * size and sha256 (for diff and reports).
 *
 * <p>Read with a small reader of our own ({@link JsonReader}): reading it is most of what an
 * unchanged run does, and loading Jackson in a new JVM took longer than the whole decision.
 *
 * @param inputs what the pipeline recorded about the run's inputs (JSON values as maps, lists,
 *     strings, numbers and booleans), opaque here; empty when none
 */
public record OutputIndex(String fingerprint, Map<String, Object> inputs, List<Entry> entries) {

    public static final String PATH = ".clusterspec/index.json";

    public record Entry(String path, long size, String sha256, boolean secret) {}

    public static OutputIndex of(String fingerprint, Map<String, Object> inputs, List<OutputFile> files) {
        List<Entry> entries = files.stream()
                .sorted(Comparator.comparing(OutputFile::path))
                .map(f -> new Entry(f.path(), f.size(), Sha256.hex(f.content()), f.secret()))
                .toList();
        return new OutputIndex(fingerprint, inputs, entries);
    }

    public String toJson() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("fingerprint", fingerprint);
        if (!inputs.isEmpty()) {
            root.put("inputs", inputs);
        }
        List<Map<String, Object>> files = new ArrayList<>();
        for (Entry e : entries) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("path", e.path());
            f.put("size", e.size());
            f.put("sha256", e.sha256());
            f.put("secret", e.secret());
            files.add(f);
        }
        root.put("files", files);
        return JsonWriter.write(root, JsonWriter.Layout.DEFAULT) + "\n";
    }

    /** The index of an earlier run, if the folder holds a readable one. */
    public static Optional<OutputIndex> read(Path outputDir) {
        Path file = outputDir.resolve(PATH);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            if (!(JsonReader.read(Files.readString(file)) instanceof Map<?, ?> root)) {
                return Optional.empty();
            }
            List<Entry> entries = new ArrayList<>();
            for (Object item : root.get("files") instanceof List<?> list ? list : List.of()) {
                Map<?, ?> f = (Map<?, ?>) item;
                entries.add(new Entry((String) f.get("path"), ((Number) f.get("size")).longValue(), (String) f.get("sha256"),
                        Boolean.TRUE.equals(f.get("secret"))));
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> inputs = root.get("inputs") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
            return Optional.of(new OutputIndex((String) root.get("fingerprint"), inputs, entries));
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
