package dev.clusterspec.emit.firewall;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterspec.Examples;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Golden files of the firewall layers under {@code src/test/resources/golden/firewall/<example>/}.
 * {@code -Dclusterspec.updateGolden=true} rewrites them (a reviewer reads the diff).
 */
final class FirewallGolden {

    private FirewallGolden() {}

    static Path folder(String example) {
        return Examples.root().resolve("generator-core/src/test/resources/golden/firewall").resolve(example);
    }

    static boolean updating() {
        return Boolean.getBoolean("clusterspec.updateGolden");
    }

    /** Compares (or with the switch, rewrites) the whole folder: no file missing, none extra, none different. */
    static void check(String example, Map<String, String> actual) {
        Path folder = folder(example);
        try {
            if (updating()) {
                if (Files.exists(folder)) {
                    try (Stream<Path> old = Files.walk(folder)) {
                        old.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                    }
                }
                for (Map.Entry<String, String> file : actual.entrySet()) {
                    Path target = folder.resolve(file.getKey());
                    Files.createDirectories(target.getParent());
                    Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
                }
                return;
            }
            assertThat(folder).as("golden folder (create it with -Dclusterspec.updateGolden=true)").isDirectory();
            Set<String> expected = new TreeSet<>();
            try (Stream<Path> files = Files.walk(folder)) {
                files.filter(Files::isRegularFile).forEach(p -> expected.add(folder.relativize(p).toString().replace('\\', '/')));
            }
            assertThat(new TreeSet<>(actual.keySet())).as("generated files of " + example).isEqualTo(expected);
            for (Map.Entry<String, String> file : actual.entrySet()) {
                assertThat(file.getValue()).as(example + "/" + file.getKey() + " (rewrite with -Dclusterspec.updateGolden=true)")
                        .isEqualTo(Files.readString(folder.resolve(file.getKey()), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
