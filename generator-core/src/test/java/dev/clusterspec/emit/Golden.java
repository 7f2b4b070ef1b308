package dev.clusterspec.emit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Golden files under {@code src/test/resources/golden/}: the expected output, checked in, so a
 * reviewer reads every change as a diff. {@code -Dclusterspec.updateGolden=true} rewrites a golden
 * folder from the actual output (and removes files that are no longer produced).
 */
public final class Golden {

    private static final Path ROOT = Path.of("src/test/resources/golden");

    private Golden() {}

    public static boolean updating() {
        return Boolean.getBoolean("clusterspec.updateGolden");
    }

    /** Compares (or rewrites) a whole folder: relative path to expected text. */
    public static void assertFolder(String folder, Map<String, String> actual) {
        Path dir = ROOT.resolve(folder);
        if (updating()) {
            rewrite(dir, actual);
        }
        Map<String, String> expected = read(dir);
        assertThat(new TreeMap<>(actual).keySet()).as("files of golden folder " + dir + " (update with -Dclusterspec.updateGolden=true)")
                .containsExactlyElementsOf(expected.keySet());
        actual.forEach((path, text) -> assertThat(text).as("golden " + dir.resolve(path)).isEqualTo(expected.get(path)));
    }

    private static void rewrite(Path dir, Map<String, String> actual) {
        try {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> old = Files.walk(dir)) {
                    old.sorted((a, b) -> b.getNameCount() - a.getNameCount()).filter(p -> !p.equals(dir)).forEach(p -> {
                        try {
                            Files.delete(p);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
                }
            }
            for (Map.Entry<String, String> file : actual.entrySet()) {
                Path path = dir.resolve(file.getKey());
                Files.createDirectories(path.getParent());
                Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> read(Path dir) {
        Map<String, String> out = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(Files::isRegularFile).forEach(p -> {
                try {
                    out.put(dir.relativize(p).toString().replace('\\', '/'), Files.readString(p, StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
