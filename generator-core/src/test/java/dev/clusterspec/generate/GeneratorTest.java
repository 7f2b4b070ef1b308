package dev.clusterspec.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clusterspec.BuildLog;
import dev.clusterspec.Examples;
import dev.clusterspec.emit.OutputFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The driver on the seed example: whole outputs, skips when nothing changed, run-time schema checks. */
class GeneratorTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T00:00:00Z"), ZoneOffset.UTC);
    private static final Path BUNDLE = Examples.reference().resolve("talos/stability/secrets.yaml");

    @TempDir
    Path dir;

    private GenerateRequest request(boolean force) {
        return GenerateRequest.of(Examples.spec("oci-free-tier"), BUNDLE, dir.resolve("cluster")).withForce(force).withClock(CLOCK);
    }

    @Test
    void writesEveryTargetThenSkipsUntilSomethingChanges() throws IOException {
        GenerateResult first = new Generator().generate(request(false));
        assertThat(first.skipped()).isFalse();
        assertThat(first.totalsByTarget()).containsOnlyKeys("bastion", "hosts", "image", "manifest-repo", "oci", "proxmox", "report", "talos");
        assertThat(first.files()).filteredOn(OutputFile::secret).extracting(OutputFile::path)
                .allMatch(p -> p.startsWith("talos/")).hasSize(7);
        byte[] cp1 = Files.readAllBytes(dir.resolve("cluster/talos/cp-1.yaml"));

        assertThat(new Generator().generate(request(false)).skipped()).isTrue();

        Files.writeString(dir.resolve("cluster/hosts/pve1/clusterspec.nft"), "tampered\n");
        GenerateResult repaired = new Generator().generate(request(false));
        assertThat(repaired.skipped()).as("an edited output is not up to date").isFalse();
        assertThat(Files.readAllBytes(dir.resolve("cluster/talos/cp-1.yaml"))).as("same inputs, same bytes").isEqualTo(cp1);

        assertThat(new Generator().generate(request(true)).skipped()).as("force").isFalse();
    }

    @Test
    void checksEveryDocumentAgainstTheGivenSchemas() {
        GenerateResult result = new Generator().generate(request(true).withSchemas(Examples.reference()));
        assertThat(result.notes()).contains("every generated manifest and Talos document matches the schemas in " + Examples.reference());
    }

    @Test
    void aDocumentWithoutAMatchingSchemaStopsTheRunAndKeepsThePreviousOutput() throws IOException {
        new Generator().generate(request(true));
        Path index = dir.resolve("cluster/.clusterspec/index.json");
        String before = Files.readString(index);

        Path schemas = dir.resolve("schemas");
        Files.createDirectories(schemas.resolve("k8s-schemas/v0.0.0-standalone-strict"));
        assertThatThrownBy(() -> new Generator().generate(request(true).withSchemas(schemas)))
                .isInstanceOf(dev.clusterspec.verify.VerificationException.class)
                .hasMessageContaining("do not match the schemas in " + schemas + " (nothing was written)")
                .hasMessageContaining("manifest-repo/10-cilium/")
                .hasMessageContaining("no schema for v1 Namespace")
                .hasMessageContaining("... and 56 more");
        assertThat(Files.readString(index)).isEqualTo(before);
    }

    @Test
    void theSummaryCountsRepoFilesApartFromTheUpstreamFilesTalosFetches() throws IOException {
        java.util.List<String> lines = new java.util.ArrayList<>();
        BuildLog log = new BuildLog() {
            public void info(String message) {
                lines.add(message);
            }

            public void warn(String message) {
            }

            public void debug(String message) {
            }
        };
        GenerateResult result = new Generator().generate(request(true).withLog(log));
        java.util.List<String> repoFiles = result.files().stream().map(OutputFile::path)
                .filter(p -> p.startsWith("manifest-repo/")).map(p -> p.substring("manifest-repo/".length())).toList();
        String cp = Files.readString(dir.resolve("cluster/talos/cp-1.yaml"));
        long fetchedFromRepo = repoFiles.stream().filter(p -> cp.contains("k8s-manifests-private/main/" + p)).count();
        long upstream = java.util.regex.Pattern.compile("- https://raw\\.githubusercontent\\.com/tailscale/").matcher(cp).results().count();
        // seven generated components and the example's two files of its own (manifests/)
        assertThat(fetchedFromRepo).isEqualTo(9);
        assertThat(upstream).isEqualTo(8);
        assertThat(lines).contains("manifest repo: " + repoFiles.size() + " files, " + fetchedFromRepo + " of them fetched by Talos by URL;"
                + " 1 manifest(s) inline in the control-plane configs; " + upstream
                + " upstream file(s) fetched from their pinned URLs, not mirrored");
    }
}
