package dev.clusterspec.configpatch;

import static dev.clusterspec.configpatch.TalosFixtures.comparable;
import static dev.clusterspec.configpatch.TalosFixtures.config;
import static dev.clusterspec.configpatch.TalosFixtures.loadPatches;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clusterspec.configpatch.ConfigPatcher.JsonPatchTarget;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;
import tools.jackson.databind.node.ObjectNode;
import dev.clusterspec.configpatch.ConfigPatch;
import dev.clusterspec.configpatch.ConfigPatcher;
import dev.clusterspec.configpatch.DocumentId;
import dev.clusterspec.configpatch.JsonPatch;
import dev.clusterspec.configpatch.JsonPatchOperation;
import dev.clusterspec.configpatch.PatchException;
import dev.clusterspec.configpatch.PatchParser;
import dev.clusterspec.configpatch.StrategicMergePatch;

/**
 * Every test of Talos's {@code pkg/machinery/config/configpatcher} (the Go files in
 * {@code upstream-tests/}), re-enacted on its own test data: the same inputs, the same patches in
 * the same order, the same expected configs (compared as parsed YAML documents) and the same
 * failures. The last check proves that no Go test and no testdata file was left out.
 */
class TalosConfigPatcherFixturesTest {

    /** Talos's {@code Apply}: a JSON patch needs a single-document config. */
    private static final ConfigPatcher TALOS = new ConfigPatcher(JsonPatchTarget.SINGLE_DOCUMENT_CONFIG);

    private final Map<String, Executable> cases = new LinkedHashMap<>();

    @TestFactory
    Stream<DynamicTest> everyUpstreamCase() {
        // apply_test.go
        cases.put("TestApply", () -> expect("apply/config.yaml", "apply/expected.yaml",
                "@apply/strategic1.yaml", "@apply/jsonpatch1.yaml", "@apply/jsonpatch2.yaml", "@apply/strategic2.yaml", "@apply/strategic3.yaml"));
        cases.put("TestApplyMultiDocFail", () -> {
            List<ConfigPatch> patches = loadPatches("@multidoc/jsonpatch.yaml", "@multidoc/strategic1.yaml");
            assertThatThrownBy(() -> TALOS.apply(config("multidoc/config.yaml"), patches))
                    .isInstanceOfSatisfying(PatchException.class, e -> {
                        assertThat(e.reason()).contains("not supported for multi-document machine configuration");
                        assertThat(e.patch()).isEqualTo("multidoc/jsonpatch.yaml");
                    });
        });
        cases.put("TestApplyMultiDoc", () -> expect("multidoc/config.yaml", "multidoc/expected.yaml",
                "@multidoc/strategic1.yaml", "@multidoc/strategic2.yaml", "@multidoc/strategic3.yaml"));
        cases.put("TestApplyToEmptyConfig", () -> {
            List<ObjectNode> patched = TALOS.apply(List.of(), loadPatches("@multidoc/strategic2.yaml"));
            assertThat(patched).hasSize(2);
            assertThat(patched).extracting(d -> d.get("kind").asString()).containsExactly("SideroLinkConfig", "ExtensionServiceConfig");
        });
        cases.put("TestApplyAuditPolicy", () -> expect("auditpolicy/config.yaml", "auditpolicy/expected.yaml", "@auditpolicy/patch1.yaml"));
        cases.put("TestApplyWithManifestNewline", () -> expect("apply/config.yaml", "apply/expected_manifests.yaml", "@apply/strategic4.yaml"));
        cases.put("TestApplyMultiDocDelete", () -> expect("patchdelete/config.yaml", "patchdelete/expected.yaml", "@patchdelete/strategic1.yaml"));
        cases.put("TestApplyMultiDocCPDelete", () -> expect("patchdelete/controlplane_orig.yaml", "patchdelete/controlplane_expected.yaml",
                "@patchdelete/strategic2.yaml", "@patchdelete/strategic3.yaml", "@patchdelete/strategic4.yaml"));
        cases.put("TestPatchDeleteMissing", () -> {
            List<ConfigPatch> patches = loadPatches("@patchdeletemissing/strategic1.yaml");
            assertThatThrownBy(() -> TALOS.apply(config("patchdeletemissing/config.yaml"), patches))
                    .isInstanceOfSatisfying(PatchException.class, e -> {
                        // Talos fails the lookup of this path in the v1alpha1 document, and says so
                        assertThat(e.target()).isEqualTo("machine.network.hostname");
                        assertThat(e.part()).isEqualTo(PatchException.Part.DOCUMENT);
                        assertThat(e.index()).isZero();
                        assertThat(e.reason()).contains("v1alpha1").contains("'machine.network' does not exist").contains("lookup failed");
                        assertThat(e.pointer()).isEqualTo("/machine/network/hostname/$patch");
                    });
        });
        cases.put("TestPatchLink", () -> expect("patchlink/base.yaml", "patchlink/expected.yaml", "@patchlink/patch.yaml"));
        cases.put("TestPatchMixed", () -> expect("patchmixed/base.yaml", "patchmixed/expected.yaml", "@patchmixed/patch.yaml"));

        // load_test.go
        cases.put("TestLoadJSON", () -> {
            JsonPatch p = (JsonPatch) PatchParser.parse("patch.json", TalosFixtures.text("patch.json"));
            assertThat(p.operations()).singleElement().satisfies(op -> {
                assertThat(op.op()).isEqualTo("add");
                assertThat(op.path().text()).isEqualTo("/machine/certSANs");
            });
        });
        cases.put("TestLoadYAML", () -> {
            JsonPatch p = (JsonPatch) PatchParser.parse("patch.yaml", TalosFixtures.text("patch.yaml"));
            assertThat(p.operations()).singleElement().satisfies(op -> {
                assertThat(op.op()).isEqualTo("add");
                assertThat(op.path().text()).isEqualTo("/some/path");
                assertThat(op.value().toString()).isEqualTo("[\"a\",\"b\",\"c\"]");
            });
        });
        cases.put("TestLoadStrategic", () -> {
            StrategicMergePatch p = (StrategicMergePatch) PatchParser.parse("strategic.yaml", TalosFixtures.text("strategic.yaml"));
            assertThat(p.documents()).singleElement().satisfies(d -> assertThat(d.target()).contains(DocumentId.LEGACY));
            // Talos checks that the patch's bytes survive loading: here, that the tree does
            assertThat(comparable(List.of(p.documents().get(0).root()))).isEqualTo(comparable("strategic.yaml"));
        });
        cases.put("TestLoadJSONPatches", () -> {
            List<ConfigPatch> list = loadPatches("@patch.json", "@patch.yaml", "[{\"op\":\"replace\",\"path\":\"/some\",\"value\": []}]");
            assertThat(list).singleElement().isInstanceOfSatisfying(JsonPatch.class,
                    p -> assertThat(p.operations()).extracting(JsonPatchOperation::op).containsExactly("add", "add", "replace"));
        });
        cases.put("TestLoadMixedPatches", () -> {
            List<ConfigPatch> list = loadPatches("@patch.json", "@strategic.yaml", "@patch.yaml", "[{\"op\":\"replace\",\"path\":\"/some\",\"value\": []}]");
            assertThat(list).hasSize(3);
            assertThat(list.get(0)).isInstanceOf(JsonPatch.class);
            assertThat(list.get(1)).isInstanceOf(StrategicMergePatch.class);
            assertThat(list.get(2)).isInstanceOfSatisfying(JsonPatch.class, p -> assertThat(p.operations()).hasSize(2));
        });
        cases.put("TestLoadStraightFilename", () -> {
            List<ConfigPatch> list = loadPatches("strategic.yaml", "[{\"op\":\"replace\",\"path\":\"/some\",\"value\": []}]");
            assertThat(list).hasSize(2);
            assertThat(list.get(0)).isInstanceOf(StrategicMergePatch.class);
            assertThat(list.get(1)).isInstanceOf(JsonPatch.class);
        });

        // configpatcher_test.go: a JSON patch on a one-document config
        cases.put("TestJSON6902", () -> {
            List<ConfigPatch> patch = List.of(PatchParser.parse("inline",
                    "[{\"op\": \"add\", \"path\": \"/machine/kubelet/extraArgs\", \"value\": {\"cloud-provider\": \"external\"}}]"));
            List<ObjectNode> patched = TALOS.apply(documents("machine:\n  kubelet: {}\n"), patch);
            assertThat(comparable(patched)).isEqualTo(comparable(documents("machine:\n  kubelet:\n    extraArgs:\n      cloud-provider: external\n")));
        });

        List<DynamicTest> tests = new ArrayList<>();
        cases.forEach((name, body) -> tests.add(DynamicTest.dynamicTest(name, body)));
        tests.add(DynamicTest.dynamicTest("every upstream test and every testdata file is covered", this::nothingLeftOut));
        return tests.stream();
    }

    private static void expect(String input, String expected, String... patches) {
        List<ObjectNode> patched = TALOS.apply(config(input), loadPatches(patches));
        assertThat(comparable(patched)).as("%s patched with %s", input, String.join(", ", patches)).isEqualTo(comparable(expected));
    }

    private static List<ObjectNode> documents(String yaml) {
        List<ObjectNode> out = new ArrayList<>();
        dev.clusterspec.yaml.Yaml.readAll(yaml).forEach(d -> out.add((ObjectNode) d));
        return out;
    }

    private void nothingLeftOut() throws IOException {
        TreeSet<String> upstream = new TreeSet<>();
        Pattern test = Pattern.compile("^func (Test\\w+)\\(", Pattern.MULTILINE);
        try (Stream<Path> files = Files.list(TalosFixtures.FOLDER.resolve("upstream-tests"))) {
            for (Path go : files.filter(f -> f.toString().endsWith("_test.go")).toList()) {
                Matcher m = test.matcher(Files.readString(go, StandardCharsets.UTF_8));
                while (m.find()) {
                    upstream.add(m.group(1));
                }
            }
        }
        assertThat(new TreeSet<>(cases.keySet())).as("upstream Go tests").isEqualTo(upstream);

        TreeSet<String> testdata = new TreeSet<>();
        Path root = TalosFixtures.FOLDER.resolve("testdata");
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(Files::isRegularFile).forEach(f -> testdata.add(root.relativize(f).toString()));
        }
        assertThat(new TreeSet<>(TalosFixtures.READ)).as("testdata files read").isEqualTo(testdata);
    }
}
