package dev.clusterspec.configpatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clusterspec.yaml.Yaml;
import dev.clusterspec.configpatch.ConfigPatcher.JsonPatchTarget;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import dev.clusterspec.configpatch.ConfigPatch;
import dev.clusterspec.configpatch.ConfigPatcher;
import dev.clusterspec.configpatch.DocumentId;
import dev.clusterspec.configpatch.PatchException;
import dev.clusterspec.configpatch.PatchParser;

/** The merge rules and JSON patch behaviours the Talos fixtures do not reach, and the engine's promises. */
class ConfigPatcherTest {

    private static final ConfigPatcher PATCHER = new ConfigPatcher(JsonPatchTarget.V1ALPHA1_DOCUMENT);

    private static final String CONFIG = """
            version: v1alpha1
            machine:
              type: worker
              certSANs: [a]
              sysctls: {net.core.somaxconn: "1024"}
              kubelet:
                extraArgs: {rotate-server-certificates: "true", feature-gates: [A=true]}
              network:
                interfaces:
                  - interface: ens18
                    mtu: 1500
                    vlans: [{vlanId: 10, addresses: [10.0.0.1/24]}]
            cluster:
              network:
                podSubnets: [10.244.0.0/16]
              apiServer:
                admissionControl:
                  - name: PodSecurity
                    configuration: {defaults: {enforce: baseline}}
            ---
            apiVersion: v1alpha1
            kind: NetworkRuleConfig
            name: apid
            portSelector: {ports: [50000], protocol: tcp}
            ingress: [{subnet: 10.0.0.0/24}]
            """;

    @Test
    void listsAppendMappingsMergeAndValuesReplace() {
        JsonNode machine = legacy(apply(CONFIG, """
                machine:
                  certSANs: [b]
                  sysctls: {vm.max_map_count: "262144"}
                  type: controlplane
                """)).get("machine");
        assertThat(machine.get("certSANs").toString()).isEqualTo("[\"a\",\"b\"]");
        assertThat(machine.get("sysctls").size()).isEqualTo(2);
        assertThat(machine.get("type").asString()).isEqualTo("controlplane");
    }

    @Test
    void emptyAndZeroValuesDoNotReplaceButFalseAndNullBehaveAsInTalos() {
        JsonNode machine = legacy(apply(CONFIG, """
                machine:
                  type: ""
                  network:
                    interfaces: [{interface: ens18, mtu: 0, dhcp: false}]
                  kubelet: null
                """)).get("machine");
        assertThat(machine.get("type").asString()).isEqualTo("worker");
        assertThat(machine.at("/network/interfaces/0/mtu").asInt()).isEqualTo(1500);
        assertThat(machine.at("/network/interfaces/0/dhcp").asBoolean(true)).isFalse();
        assertThat(machine.get("kubelet").isObject()).isTrue();
    }

    @Test
    void extraArgsTakeThePatchValuePerKeyListsIncluded() {
        JsonNode args = legacy(apply(CONFIG, """
                machine:
                  kubelet:
                    extraArgs: {feature-gates: [B=true], max-pods: "250"}
                """)).at("/machine/kubelet/extraArgs");
        assertThat(args.get("feature-gates").toString()).isEqualTo("[\"B=true\"]");
        assertThat(args.get("rotate-server-certificates").asString()).isEqualTo("true");
        assertThat(args.get("max-pods").asString()).isEqualTo("250");
    }

    @Test
    void keyedListsMergeByTheirKeyAndReplacedListsAreReplaced() {
        List<ObjectNode> patched = apply(CONFIG, """
                machine:
                  network:
                    interfaces:
                      - interface: ens18
                        vlans: [{vlanId: 10, addresses: [10.0.0.2/24]}, {vlanId: 20}]
                      - deviceSelector: {driver: virtio_net}
                        dhcp: true
                cluster:
                  network:
                    podSubnets: [10.32.0.0/12]
                  apiServer:
                    admissionControl:
                      - name: PodSecurity
                        configuration: {defaults: {enforce: restricted}}
                ---
                apiVersion: v1alpha1
                kind: NetworkRuleConfig
                name: apid
                ingress: [{subnet: 100.64.0.0/10}]
                """);
        JsonNode legacy = legacy(patched);
        JsonNode interfaces = legacy.at("/machine/network/interfaces");
        assertThat(interfaces.size()).isEqualTo(2);
        assertThat(interfaces.at("/0/vlans").size()).isEqualTo(2);
        assertThat(interfaces.at("/0/vlans/0/addresses").toString()).isEqualTo("[\"10.0.0.1/24\",\"10.0.0.2/24\"]");
        assertThat(legacy.at("/cluster/network/podSubnets").toString()).isEqualTo("[\"10.32.0.0/12\"]");
        assertThat(legacy.at("/cluster/apiServer/admissionControl").size()).isEqualTo(1);
        assertThat(legacy.at("/cluster/apiServer/admissionControl/0/configuration/defaults/enforce").asString()).isEqualTo("restricted");
        assertThat(patched.get(1).get("ingress").toString()).isEqualTo("[{\"subnet\":\"100.64.0.0/10\"}]");
        assertThat(patched.get(1).at("/portSelector/ports").toString()).isEqualTo("[50000]");
    }

    @Test
    void aValueOfTheWrongShapeIsAnErrorAtItsPlaceInThePatch() {
        assertThatThrownBy(() -> apply(CONFIG, "machine:\n  certSANs: {a: b}\n"))
                .isInstanceOfSatisfying(PatchException.class, e -> {
                    assertThat(e.target()).isEqualTo("machine.certSANs");
                    assertThat(e.pointer()).isEqualTo("/machine/certSANs");
                    assertThat(e.reason()).contains("a list").contains("a mapping");
                    assertThat(e.getMessage()).startsWith("patch test, document 1: machine.certSANs: ");
                });
    }

    @Test
    void aDeletionBelowAMissingKeyFailsAndOneOfAnAbsentKeySucceeds() {
        assertThat(legacy(apply(CONFIG, "machine:\n  network:\n    hostname: {$patch: delete}\n")).at("/machine/network").has("hostname")).isFalse();
        assertThatThrownBy(() -> apply(CONFIG, "machine:\n  install:\n    disk: {$patch: delete}\n"))
                .isInstanceOfSatisfying(PatchException.class, e -> assertThat(e.reason()).contains("'machine.install' does not exist"));
    }

    @Test
    void deletingAWholeDocumentAndAListItem() {
        List<ObjectNode> patched = apply(CONFIG, """
                apiVersion: v1alpha1
                kind: NetworkRuleConfig
                name: apid
                $patch: delete
                ---
                machine:
                  network:
                    interfaces:
                      - interface: ens18
                        $patch: delete
                """);
        assertThat(patched).hasSize(1);
        assertThat(legacy(patched).at("/machine/network").has("interfaces")).isTrue();
        assertThat(legacy(patched).at("/machine/network/interfaces").size()).isZero();
    }

    @Test
    void unsupportedDeletionsAreRefusedWhenThePatchIsRead() {
        assertThatThrownBy(() -> PatchParser.parse("p", "machine:\n  network:\n    interfaces:\n      - interface: x\n        mtu: {$patch: delete}\n"))
                .isInstanceOfSatisfying(PatchException.class, e -> assertThat(e.reason()).contains("inside a list item"));
        assertThatThrownBy(() -> PatchParser.parse("p", "machine: {$patch: replace}\n"))
                .isInstanceOfSatisfying(PatchException.class, e -> assertThat(e.reason()).contains("only '$patch: delete'"));
        assertThatThrownBy(() -> PatchParser.parse("p", "version: v1alpha1\n$patch: delete\n"))
                .isInstanceOfSatisfying(PatchException.class, e -> assertThat(e.reason()).contains("cannot be deleted as a whole"));
        assertThatThrownBy(() -> PatchParser.parse("p", "hostname: x\n"))
                .isInstanceOfSatisfying(PatchException.class, e -> assertThat(e.reason()).contains("neither 'kind'"));
    }

    @Test
    void jsonPatchesFollowTalossLibrary() {
        JsonNode legacy = legacy(apply(CONFIG, """
                - {op: replace, path: /machine/network/hostname, value: n1}
                - {op: add, path: /machine/certSANs/-1, value: z}
                - {op: remove, path: /machine/certSANs/0}
                - {op: test, path: /machine/nothing, value: null}
                - {op: copy, from: /machine/type, path: /machine/nodeLabels}
                - {op: move, from: /machine/nodeLabels, path: /machine/kind}
                """));
        assertThat(legacy.at("/machine/network/hostname").asString()).isEqualTo("n1");
        assertThat(legacy.at("/machine/certSANs").toString()).isEqualTo("[\"z\"]");
        assertThat(legacy.at("/machine/kind").asString()).isEqualTo("worker");
        assertThat(legacy.at("/machine").has("nodeLabels")).isFalse();
    }

    @Test
    void aJsonPatchThatCannotApplyNamesItsOperation() {
        assertThatThrownBy(() -> apply(CONFIG, "- {op: add, path: /machine/install/disk, value: /dev/vda}\n"))
                .isInstanceOfSatisfying(PatchException.class, e -> {
                    assertThat(e.part()).isEqualTo(PatchException.Part.OPERATION);
                    assertThat(e.index()).isZero();
                    assertThat(e.pointer()).isEqualTo("/0/path");
                    assertThat(e.target()).isEqualTo("/machine/install/disk");
                    assertThat(e.reason()).contains("/machine/install does not exist");
                });
        assertThatThrownBy(() -> apply(CONFIG, "- {op: test, path: /machine/type, value: controlplane}\n"))
                .isInstanceOfSatisfying(PatchException.class, e -> assertThat(e.reason()).contains("test failed"));
        assertThatThrownBy(() -> PatchParser.parse("p", "- {op: add, path: /a}\n- {op: fly, path: /b}\n"))
                .isInstanceOfSatisfying(PatchException.class, e -> assertThat(e.index()).isZero());
        assertThatThrownBy(() -> PatchParser.parse("p", "- {op: fly, path: /b}\n"))
                .isInstanceOfSatisfying(PatchException.class, e -> assertThat(e.pointer()).isEqualTo("/0/op"));
    }

    @Test
    void talossOwnRuleRefusesJsonPatchesOnMultiDocumentConfigs() {
        ConfigPatcher talos = new ConfigPatcher(JsonPatchTarget.SINGLE_DOCUMENT_CONFIG);
        assertThatThrownBy(() -> talos.apply(documents(CONFIG), List.of(PatchParser.parse("p", "- {op: remove, path: /debug}\n"))))
                .isInstanceOf(PatchException.class).hasMessageContaining("multi-document");
    }

    @Test
    void neitherTheConfigNorThePatchIsChanged() {
        List<ObjectNode> config = documents(CONFIG);
        String before = Yaml.writeAll(config);
        ConfigPatch patch = PatchParser.parse("p", "machine:\n  certSANs: [b]\n  network:\n    interfaces: [{interface: ens18, mtu: 9000}]\n");
        List<ObjectNode> once = PATCHER.apply(config, List.of(patch));
        List<ObjectNode> twice = PATCHER.apply(config, List.of(patch));
        assertThat(Yaml.writeAll(config)).isEqualTo(before);
        assertThat(Yaml.writeAll(once)).isEqualTo(Yaml.writeAll(twice));
        ((ObjectNode) legacy(once).get("machine")).putArray("certSANs").add("mutated");
        assertThat(Yaml.writeAll(PATCHER.apply(config, List.of(patch)))).isEqualTo(Yaml.writeAll(twice));
    }

    @Test
    void emptyAndAmbiguousPatchesAreRefused() {
        assertThatThrownBy(() -> PatchParser.parse("p", "# nothing\n")).hasMessageContaining("the patch is empty");
        assertThatThrownBy(() -> PatchParser.parse("p", "- {op: remove, path: /a}\n---\n- {op: remove, path: /b}\n"))
                .hasMessageContaining("one list of operations");
        assertThatThrownBy(() -> PatchParser.parse("p", "just text\n")).hasMessageContaining("YAML mapping");
    }

    private static List<ObjectNode> apply(String config, String patch) {
        return PATCHER.apply(documents(config), List.of(PatchParser.parse("test", patch)));
    }

    private static JsonNode legacy(List<ObjectNode> documents) {
        return documents.stream().filter(d -> DocumentId.of(d).isLegacy()).findFirst().orElseThrow();
    }

    private static List<ObjectNode> documents(String yaml) {
        List<ObjectNode> out = new ArrayList<>();
        Yaml.readAll(yaml).forEach(d -> out.add((ObjectNode) d));
        return out;
    }
}
