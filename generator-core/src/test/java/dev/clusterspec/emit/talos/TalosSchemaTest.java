package dev.clusterspec.emit.talos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterspec.Examples;
import dev.clusterspec.emit.OutputFile;
import dev.clusterspec.yaml.Yaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import dev.clusterspec.verify.TalosSchemaValidator;

/**
 * Every document our Talos emitter writes, checked against Talos's published v1.13.9 schema.
 *
 * <p>The schema's one known false alarm is {@code persist}: {@code gen config} writes
 * {@code persist: true}, the schema's v1alpha1.Config has {@code additionalProperties: false} without
 * it. We handle it by not writing the key (Talos 1.12 marked it "not supported anymore", and absent
 * means true), so our documents are checked with nothing exempted. The tests on Talos's own fixtures
 * show that {@code persist} is exactly the one thing the schema rejects there, so dropping it is
 * the whole of the exception.
 */
class TalosSchemaTest {

    private static final TalosSchemaValidator SCHEMA =
            TalosSchemaValidator.load(Examples.reference().resolve("talos/config.schema.json"));

    private static final String PERSIST_REJECTED =
            "document 1 (v1alpha1): /: property 'persist' is not defined in the schema and the schema does not allow additional properties";

    static List<String> examples() {
        return TalosFixtures.EXAMPLES;
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everyDocumentOfEveryNodeValidates(String example) {
        List<OutputFile> configs = nodeConfigs(TalosFixtures.emit(TalosFixtures.example(example)));
        assertThat(configs).isNotEmpty();
        Set<String> kinds = new TreeSet<>();
        for (OutputFile config : configs) {
            assertThat(SCHEMA.validate(config.text())).as(config.path()).isEmpty();
            for (JsonNode document : Yaml.readAll(config.text())) {
                kinds.add(TalosSchemaValidator.kindOf(document).orElseThrow());
                assertThat(document.has("persist")).as("persist in %s", config.path()).isFalse();
            }
        }
        assertThat(kinds).contains("v1alpha1", "HostnameConfig", "ResolverConfig", "TimeSyncConfig", "NetworkDefaultActionConfig",
                "NetworkRuleConfig");
        if (example.equals("oci-direct")) {
            // the oracle platform configures the NIC, and an OCI VCN carries no Layer-2 VIP
            assertThat(kinds).doesNotContain("LinkConfig", "Layer2VIPConfig");
        } else {
            assertThat(kinds).contains("LinkConfig", "Layer2VIPConfig");
        }
    }

    @Test
    void theDirectTopologyWithTheCcmValidatesToo() {
        for (OutputFile config : nodeConfigs(TalosFixtures.emit(TalosFixtures.validatedTestSpec("direct-ccm.yaml")))) {
            assertThat(SCHEMA.validate(config.text())).as(config.path()).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"base-controlplane", "base-worker"})
    void talosOwnConfigsFailOnlyOnPersistAndPassWithoutIt(String fixture) throws IOException {
        String text = Files.readString(stability(fixture));
        assertThat(SCHEMA.validate(text)).containsExactly(PERSIST_REJECTED);

        List<JsonNode> documents = new ArrayList<>(Yaml.readAll(text));
        ((ObjectNode) documents.get(0)).remove("persist");
        assertThat(SCHEMA.validate(Yaml.writeAll(documents))).isEmpty();
    }

    /**
     * The overrides flavour also sets install.extraKernelArgs, which the 1.13 schema hides as
     * deprecated (kernel arguments belong in the image with grubUseUKICmdline). We never write it.
     */
    @ParameterizedTest
    @ValueSource(strings = {"overrides-controlplane", "overrides-worker"})
    void talosOwnOverrideConfigsAlsoHitTheHiddenExtraKernelArgs(String fixture) throws IOException {
        assertThat(SCHEMA.validate(Files.readString(stability(fixture)))).containsExactlyInAnyOrder(PERSIST_REJECTED,
                "document 1 (v1alpha1): /machine/install: property 'extraKernelArgs' is not defined in the schema and the schema does not allow additional properties");
    }

    @Test
    void theValidatorReportsViolationsWithTheDocumentAndPath() {
        String broken = """
                apiVersion: v1alpha1
                kind: LinkConfig
                name: ens18
                addresses:
                  - address: 10.0.0.11
                ---
                apiVersion: v1alpha1
                kind: NetworkRuleConfig
                name: x
                portSelector:
                  protocol: sctp
                ---
                apiVersion: v1alpha1
                kind: NoSuchConfig
                """;
        List<String> problems = SCHEMA.validate(broken);
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("document 1 (LinkConfig): /addresses/0/address:"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("document 2 (NetworkRuleConfig): /portSelector/protocol:"));
        assertThat(problems).anySatisfy(p -> assertThat(p).isEqualTo(
                "document 3 (NoSuchConfig): kind NoSuchConfig is not a document kind of https://talos.dev/v1.13/schemas/config.schema.json"));
    }

    @Test
    void aWorkerMachineSectionWithAControlPlaneOnlyFieldOfTheWrongTypeIsCaught() {
        String config = TalosFixtures.emitByPath(TalosFixtures.example("oci-free-tier")).get("talos/w-1.yaml").text();
        List<JsonNode> documents = new ArrayList<>(Yaml.readAll(config));
        ((ObjectNode) documents.get(0).get("machine").get("kubelet")).put("nodeIP", "10.0.0.0/24");
        assertThat(SCHEMA.validate(Yaml.writeAll(documents)))
                .singleElement().asString().startsWith("document 1 (v1alpha1): /machine/kubelet/nodeIP:");
    }

    static List<OutputFile> nodeConfigs(List<OutputFile> outputs) {
        return outputs.stream().filter(f -> f.path().endsWith(".yaml")).toList();
    }

    static Path stability(String fixture) {
        return Examples.reference().resolve("talos/stability/v1.13/" + fixture + ".yaml");
    }
}
