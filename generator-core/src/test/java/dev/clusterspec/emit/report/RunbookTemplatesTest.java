package dev.clusterspec.emit.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterspec.Examples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RunbookTemplatesTest {

    @Test
    void everyRunbookTemplateIsAStepOfSomeTopologyOrTheSharedLibrary() throws IOException {
        Path folder = Examples.root().resolve("templates").resolve(RunbookSection.FOLDER);
        Set<String> files = new TreeSet<>();
        try (Stream<Path> all = Files.walk(folder)) {
            all.filter(Files::isRegularFile).forEach(f -> files.add(folder.relativize(f).toString().replace('\\', '/')));
        }
        Set<String> used = new TreeSet<>(Set.of("lib.ftl"));
        for (String example : new String[] {"oci-free-tier", "oci-direct"}) {
            used.addAll(RunbookSection.templates(ReportFixtures.plan(example)));
        }
        assertThat(used).isEqualTo(files);
    }
}
