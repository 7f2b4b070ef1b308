package dev.clusterspec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The project's one golden mechanism. Golden files live in one tree,
 * {@code generator-core/src/test/resources/golden/}, checked in so a reviewer reads every change of
 * output as a diff; {@code golden/examples/<example>/} is each bundled example's whole non-secret
 * output, which the plugin's integration tests compare the real Maven run with as well; the other
 * folders hold what single emitters write from test fixtures, where that differs. The one
 * update switch, {@code -Dclusterspec.updateGolden=true} on the core tests, rewrites golden files
 * from the actual output (and removes files no longer produced); nothing else writes them.
 */
public final class Golden {

    public static final String UPDATE_SWITCH = "clusterspec.updateGolden";

    private static final String HOW_TO_UPDATE = "after reviewing, rewrite with -D" + UPDATE_SWITCH + "=true";

    private Golden() {}

    public static Path root() {
        return Examples.root().resolve("generator-core/src/test/resources/golden");
    }

    public static boolean updating() {
        return Boolean.getBoolean(UPDATE_SWITCH);
    }

    /** Compares (or with the switch, rewrites) a whole folder of the tree: relative path to expected text. */
    public static void assertFolder(String folder, Map<String, String> actual) {
        Path dir = root().resolve(folder);
        if (updating()) {
            rewrite(dir, actual);
        }
        Map<String, String> expected = read(dir);
        assertThat(new TreeMap<>(actual).keySet()).as("files of golden folder %s (%s)", dir, HOW_TO_UPDATE)
                .containsExactlyElementsOf(expected.keySet());
        actual.forEach((path, text) -> assertThat(text).as("golden %s (%s)", dir.resolve(path), HOW_TO_UPDATE).isEqualTo(expected.get(path)));
    }

    /** Compares (or with the switch, rewrites) one file kept elsewhere in the project, such as a doc rendered from code. */
    public static void assertFile(Path file, String actual) {
        try {
            if (updating()) {
                Files.writeString(file, actual, StandardCharsets.UTF_8);
            }
            assertThat(file).as("golden file %s (%s)", file, HOW_TO_UPDATE).isRegularFile();
            assertThat(actual).as("golden %s (%s)", file, HOW_TO_UPDATE).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void rewrite(Path dir, Map<String, String> actual) {
        try {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> old = Files.walk(dir)) {
                    for (Path p : old.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(dir)).toList()) {
                        Files.delete(p);
                    }
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
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(p).toString().replace('\\', '/'), Files.readString(p, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
