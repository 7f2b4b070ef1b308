package dev.clusterspec.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.clusterspec.Examples;
import dev.clusterspec.load.SpecProblemsException;
import dev.clusterspec.diff.DiffReport;
import dev.clusterspec.diff.DiffSourceException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Patch files are inputs: a change regenerates, shows in the diff, and a patch that cannot apply writes nothing. */
class GeneratorPatchTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T00:00:00Z"), ZoneOffset.UTC);
    private static final Path BUNDLE = Examples.reference().resolve("talos/stability/secrets.yaml");

    @TempDir
    Path dir;

    @Test
    void aChangedPatchFileRegeneratesAndTheDiffShowsThePatchedConfig() throws IOException, DiffSourceException {
        Path spec = specWithPatch("machine:\n  sysctls:\n    vm.max_map_count: \"262144\"\n");
        Path out = dir.resolve("out");
        assertThat(new Generator().generate(request(spec, out)).skipped()).isFalse();
        assertThat(Files.readString(out.resolve("talos/w-1.yaml"))).contains("vm.max_map_count: \"262144\"");
        assertThat(Files.readString(out.resolve("report/README.md"))).contains("Talos patches").contains("`patches/sysctls.yaml`");
        assertThat(new Generator().generate(request(spec, out)).skipped()).isTrue();

        Files.writeString(dir.resolve("project/patches/sysctls.yaml"), "machine:\n  sysctls:\n    vm.max_map_count: \"524288\"\n");
        DiffReport diff = ChangePreview.againstFolder(request(spec, dir.resolve("preview")), out);
        assertThat(diff.render(false)).contains("vm.max_map_count").contains("524288").contains("talos/w-1.yaml");
        assertThat(new Generator().generate(request(spec, out)).skipped()).as("the patch file changed").isFalse();
        assertThat(Files.readString(out.resolve("talos/w-1.yaml"))).contains("vm.max_map_count: \"524288\"");
    }

    @Test
    void aPatchThatCannotApplyStopsTheRunAndKeepsThePreviousOutput() throws IOException {
        Path spec = specWithPatch("machine:\n  sysctls:\n    vm.max_map_count: \"262144\"\n");
        Path out = dir.resolve("out");
        new Generator().generate(request(spec, out));
        String before = Files.readString(out.resolve("talos/w-1.yaml"));

        // kubelet is a mapping in every config; a list cannot merge into it
        Files.writeString(dir.resolve("project/patches/sysctls.yaml"), "machine:\n  kubelet: [oops]\n");
        SpecProblemsException e = catchThrowableOfType(SpecProblemsException.class, () -> new Generator().generate(request(spec, out)));
        assertThat(e.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.file()).endsWith("sysctls.yaml");
            assertThat(d.line()).isEqualTo(2);
            assertThat(d.message()).startsWith("talos patch cannot apply to nodes w-1, w-2, w-3: document 1: machine.kubelet:");
        });
        assertThat(Files.readString(out.resolve("talos/w-1.yaml"))).isEqualTo(before);
    }

    private Path specWithPatch(String patch) throws IOException {
        Path spec = Examples.copyWithoutPatches("oci-free-tier", dir.resolve("project"));
        Files.writeString(spec, Files.readString(spec) + "talos:\n  worker:\n    patches:\n      - file: patches/sysctls.yaml\n",
                StandardCharsets.UTF_8);
        Files.createDirectories(spec.resolveSibling("patches"));
        Files.writeString(spec.resolveSibling("patches/sysctls.yaml"), patch);
        return spec;
    }

    private static GenerateRequest request(Path spec, Path out) {
        return GenerateRequest.of(spec, BUNDLE, out).withClock(CLOCK);
    }
}
