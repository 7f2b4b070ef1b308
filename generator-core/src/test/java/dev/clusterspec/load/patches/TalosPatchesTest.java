package dev.clusterspec.load.patches;

import static dev.clusterspec.ExampleCopy.lineOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.clusterspec.Examples;
import dev.clusterspec.load.Diagnostic;
import dev.clusterspec.load.SpecProblemsException;
import dev.clusterspec.check.SpecValidator;
import dev.clusterspec.emit.OutputFile;
import dev.clusterspec.yaml.Yaml;
import dev.clusterspec.load.LoadedSpec;
import dev.clusterspec.plan.ClusterPlan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import dev.clusterspec.verify.TalosSchemaValidator;
import dev.clusterspec.emit.talos.TalosFixtures;

/**
 * The spec's patches in the Talos emitter: order of application, where problems are reported,
 * what validation catches, and that patched configs still match Talos's schema. Each test works
 * on a copy of the seed example with patches added.
 */
class TalosPatchesTest {

    private static final TalosSchemaValidator SCHEMA =
            TalosSchemaValidator.load(Examples.reference().resolve("talos/config.schema.json"));

    @TempDir
    Path dir;

    @Test
    void patchesApplyForAllNodesThenTheRoleThenTheNode() throws IOException {
        Path spec = spec("""
                talos:
                  patches:
                    - machine: {sysctls: {vm.max_map_count: "1", net.core.somaxconn: "4096"}}
                  controlplane:
                    patches:
                      - |
                        machine:
                          sysctls: {vm.max_map_count: "2"}
                  worker:
                    patches:
                      - file: patches/worker.yaml
                """, Map.of("cp-1", "[[{op: replace, path: /machine/sysctls/vm.max_map_count, value: \"3\"}]]"),
                Map.of("patches/worker.yaml", """
                        apiVersion: v1alpha1
                        kind: NetworkRuleConfig
                        name: node-exporter
                        portSelector: {ports: [9100], protocol: tcp}
                        ingress: [{subnet: 10.0.0.0/24}]
                        """));
        Map<String, OutputFile> out = TalosFixtures.emitByPath(load(spec));

        assertThat(sysctl(out, "cp-1")).isEqualTo("3");
        assertThat(sysctl(out, "cp-2")).isEqualTo("2");
        assertThat(sysctl(out, "w-1")).isEqualTo("1");
        assertThat(legacy(out, "w-1").at("/machine/sysctls/net.core.somaxconn").asString()).isEqualTo("4096");
        assertThat(out.get("talos/w-2.yaml").text()).contains("name: node-exporter");
        assertThat(out.get("talos/cp-2.yaml").text()).doesNotContain("name: node-exporter");
        for (OutputFile config : out.values()) {
            if (config.path().endsWith(".yaml")) {
                assertThat(SCHEMA.validate(config.text())).as(config.path()).isEmpty();
            }
        }
    }

    @Test
    void aPatchThatCannotApplyIsReportedInItsFileForEveryNodeItFailedFor() throws IOException {
        Path spec = spec("""
                talos:
                  worker:
                    patches:
                      - file: patches/worker.yaml
                """, Map.of(), Map.of("patches/worker.yaml", """
                # certSANs is a list
                machine:
                  certSANs:
                    bad: x
                """));
        SpecProblemsException e = catchThrowableOfType(SpecProblemsException.class, () -> TalosFixtures.emit(load(spec)));
        assertThat(e.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.file()).isEqualTo(dir.resolve("patches/worker.yaml").toString());
            assertThat(d.line()).isEqualTo(4);
            assertThat(d.column()).isEqualTo(5);
            assertThat(d.message()).isEqualTo("talos patch cannot apply to nodes w-1, w-2, w-3: document 1: machine.certSANs: the config"
                    + " has a list here, the patch a mapping; Talos cannot merge them (fix the patch's indentation or type)");
        });
    }

    @Test
    void anInlinePatchThatCannotApplyIsReportedInTheSpec() throws IOException {
        Path spec = spec("""
                talos:
                  controlplane:
                    patches:
                      - - op: remove
                          path: /machine/install/extraKernelArgs
                """, Map.of(), Map.of());
        SpecProblemsException e = catchThrowableOfType(SpecProblemsException.class, () -> TalosFixtures.emit(load(spec)));
        int line = lineOf(spec, "path: /machine/install/extraKernelArgs");
        assertThat(e.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.file()).isEqualTo(spec.toString());
            assertThat(d.line()).isEqualTo(line);
            assertThat(d.column()).isEqualTo(17);
            assertThat(d.message()).startsWith("talos patch cannot apply to nodes cp-1, cp-2, cp-3: operation 1:"
                    + " /machine/install/extraKernelArgs: remove: there is no key 'extraKernelArgs'");
        });
    }

    @Test
    void validationReportsEveryUnreadablePatchAtItsPlace() throws IOException {
        Path outside = Files.writeString(Files.createTempFile("outside", ".yaml"), "machine: {}\n");
        Path spec = spec("""
                talos:
                  patches:
                    - file: patches/missing.yaml
                    - file: patches/broken.yaml
                    - file: patches/link.yaml
                    - file: patches/value.yaml
                    - "machine: [unclosed"
                    - - {op: fly, path: /machine}
                """, Map.of(), Map.of("patches/broken.yaml", "machine:\n  sysctls: {a: 1\n", "patches/value.yaml", "just text\n"));
        Files.createSymbolicLink(dir.resolve("patches/link.yaml"), outside);
        try {
            SpecProblemsException e = catchThrowableOfType(SpecProblemsException.class, () -> new SpecValidator().validate(spec));
            List<String> shown = e.diagnostics().stream().filter(Diagnostic::isError).map(d -> Path.of(d.file()).getFileName() + ":" + d.line() + ": " + d.message()).toList();
            int first = lineOf(spec, "patches/missing.yaml");
            assertThat(shown).containsExactly(
                    "cluster.yaml:" + first + ": patch file: no file 'patches/missing.yaml' in " + dir,
                    "cluster.yaml:" + (first + 2) + ": patch file: 'patches/link.yaml' is (through a symbolic link) a file outside the spec's folder "
                            + dir + "; copy the file into the folder instead of linking to it",
                    "cluster.yaml:" + (first + 4) + ": the patch text is not valid YAML: invalid YAML: expected ',' or ']', but got"
                            + " <stream end> (line 1, column 19 of the patch text)",
                    "cluster.yaml:" + (first + 5) + ": talos patch: operation 1: unknown op \"fly\"; use one of add, remove, replace, move, copy, test",
                    "broken.yaml:3: invalid YAML: expected ',' or '}', but got <stream end>",
                    "value.yaml:1: talos patch: document 1: a strategic merge patch document is a YAML mapping (e.g."
                            + " 'machine: {...}', or 'apiVersion: v1alpha1' + 'kind: ...'), not a string; a JSON patch is a list of operations");
        } finally {
            Files.delete(outside);
        }
    }

    @Test
    void aPatchFileOutsideTheSpecFolderIsRefusedByTheSchema() throws IOException {
        Path spec = spec("talos:\n  patches:\n    - file: ../elsewhere.yaml\n", Map.of(), Map.of());
        SpecProblemsException e = catchThrowableOfType(SpecProblemsException.class, () -> new SpecValidator().validate(spec));
        assertThat(e.diagnostics()).extracting(Diagnostic::line).contains(lineOf(spec, "../elsewhere.yaml"));
    }

    @Test
    void aJsonPatchAppliesToTheV1alpha1DocumentOnly() throws IOException {
        Path spec = spec("""
                talos:
                  patches:
                    - '[{"op": "add", "path": "/machine/kubelet/extraArgs", "value": {"max-pods": "200"}}]'
                """, Map.of(), Map.of());
        Map<String, OutputFile> out = TalosFixtures.emitByPath(load(spec));
        assertThat(legacy(out, "w-3").at("/machine/kubelet/extraArgs/max-pods").asString()).isEqualTo("200");
        assertThat(Yaml.readAll(out.get("talos/w-3.yaml").text())).hasSizeGreaterThan(1);
    }

    @Test
    void theReportListsEachPatchWithTheNodesItAppliesTo() throws IOException {
        Path spec = spec("talos:\n  worker:\n    patches:\n      - file: patches/w.yaml\n",
                Map.of("cp-2", "[{machine: {nodeLabels: {zone: b}}}]"), Map.of("patches/w.yaml", "machine: {nodeLabels: {tier: w}}\n"));
        LoadedSpec loaded = load(spec);
        ClusterPlan plan = ClusterPlan.of(loaded);
        assertThat(plan.talosPatches().uses(plan.nodes())).containsExactly(
                new TalosPatches.Use("patches/w.yaml", "strategic merge", "workers", List.of("w-1", "w-2", "w-3")),
                new TalosPatches.Use("cluster.yaml:" + lineOf(spec, "zone: b") + " (inline)", "strategic merge", "node cp-2", List.of("cp-2")));
        assertThat(TalosPatches.files(loaded)).containsExactly(dir.resolve("patches/w.yaml"));
    }

    /** A copy of the seed example with {@code talos} appended, node patches added and patch files written. */
    private Path spec(String talos, Map<String, String> nodePatches, Map<String, String> files) throws IOException {
        Path spec = Examples.copyWithoutPatches("oci-free-tier", dir);
        String text = Files.readString(spec, StandardCharsets.UTF_8);
        for (Map.Entry<String, String> e : nodePatches.entrySet()) {
            String node = "{name: " + e.getKey() + ", ";
            int at = text.indexOf(node);
            int end = text.indexOf('}', at);
            text = text.substring(0, end) + ", patches: " + e.getValue() + text.substring(end);
        }
        Files.writeString(spec, text + talos, StandardCharsets.UTF_8);
        Files.createDirectories(dir.resolve("patches"));
        for (Map.Entry<String, String> f : files.entrySet()) {
            Files.writeString(dir.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
        }
        return spec;
    }

    private static LoadedSpec load(Path spec) {
        return new SpecValidator().validate(spec).loaded();
    }

    private static JsonNode legacy(Map<String, OutputFile> out, String node) {
        return Yaml.readAll(out.get("talos/" + node + ".yaml").text()).get(0);
    }

    private static String sysctl(Map<String, OutputFile> out, String node) {
        return legacy(out, node).at("/machine/sysctls/vm.max_map_count").asString();
    }
}
