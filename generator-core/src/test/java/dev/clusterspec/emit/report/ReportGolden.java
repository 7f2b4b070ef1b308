package dev.clusterspec.emit.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterspec.Examples;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files of the report under {@code src/test/resources/golden/report/<example>/}.
 * {@code -Dclusterspec.updateGolden=true} rewrites them (a reviewer reads the diff).
 */
final class ReportGolden {

    private ReportGolden() {}

    static void check(String example, String file, String actual) {
        Path golden = Examples.root().resolve("generator-core/src/test/resources/golden/report").resolve(example).resolve(file);
        try {
            if (Boolean.getBoolean("clusterspec.updateGolden")) {
                Files.createDirectories(golden.getParent());
                Files.writeString(golden, actual, StandardCharsets.UTF_8);
                return;
            }
            assertThat(golden).as("golden file (create it with -Dclusterspec.updateGolden=true)").exists();
            assertThat(actual).as(example + "/" + file + " (rewrite with -Dclusterspec.updateGolden=true)")
                    .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
