package dev.clusterspec.connectivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

class KubeObjectReaderTest {

    @Test
    void readsManifestFilesRecursivelyInPathOrderAndSkipsOtherFiles(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("b"));
        Files.writeString(dir.resolve("b/pods.yml"), "kind: Pod\nmetadata: {name: second}\n");
        Files.writeString(dir.resolve("a.yaml"), "---\nkind: Pod\nmetadata: {name: first}\n---\n---\nkind: Pod\nmetadata: {name: also-first}\n");
        Files.writeString(dir.resolve("c.json"), "{\"kind\": \"Pod\", \"metadata\": {\"name\": \"third\"}}");
        Files.writeString(dir.resolve("notes.txt"), "kind: Pod\n");
        Files.writeString(dir.resolve("graph.dot"), "digraph {}");
        ManifestSet set = KubeObjectReader.readDirectory(dir);
        assertThat(set.objects()).extracting(KubeObject::name).containsExactly("first", "also-first", "second", "third");
        assertThat(set.warnings()).isEmpty();
    }

    @Test
    void documentsThatAreNotKubernetesObjectsAreWarningsNotErrors(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("output.json"), "[{\"src\": \"a\", \"dst\": \"b\"}]");
        Files.writeString(dir.resolve("values.yaml"), "replicas: 3\n");
        ConnectivityResult result = ConnectivityAnalyzer.analyzeDirectory(dir);
        assertThat(result.connections()).isEmpty();
        assertThat(result.warnings()).containsExactly(
                dir.resolve("output.json") + ": document 1 is not a Kubernetes object, skipped",
                dir.resolve("values.yaml") + ": document 1 has no kind, skipped");
    }

    @Test
    void yamlSyntaxErrorsNameFileLineAndColumn(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("pod.yaml");
        Files.writeString(file, "apiVersion: v1\nkind: Pod\nmetadata: name: x\n");
        assertThatThrownBy(() -> ConnectivityAnalyzer.analyzeDirectory(dir))
                .isInstanceOfSatisfying(ManifestReadException.class, e -> {
                    assertThat(e.file()).isEqualTo(file.toString());
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.column()).isEqualTo(15);
                })
                .hasMessage(file + ":3:15: cannot parse: mapping values are not allowed here");
    }

    @Test
    void jsonSyntaxErrorsNameFileLineAndColumn(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("pods.json");
        Files.writeString(file, "{\"kind\": \"Pod\",\n \"metadata\": {\"name\": \"x\",}\n}\n");
        assertThatThrownBy(() -> ConnectivityAnalyzer.analyzeDirectory(dir))
                .isInstanceOf(ManifestReadException.class)
                .hasMessageStartingWith(file + ":2:27: cannot parse: Unexpected character ('}'");
    }

    @Test
    void aMissingDirectoryIsAClearError(@TempDir Path dir) {
        Path missing = dir.resolve("nope");
        assertThatThrownBy(() -> ConnectivityAnalyzer.analyzeDirectory(missing))
                .isInstanceOf(ManifestReadException.class)
                .hasMessage(missing + ": not a directory");
    }

    @Test
    void treesInMemoryAreAnalysedLikeFiles() {
        ObjectMapper json = JsonMapper.builder().build();
        List<JsonNode> trees = List.of(
                json.readTree("{\"kind\": \"PodList\", \"items\": [{\"metadata\": {\"name\": \"a\", \"namespace\": \"x\"}}]}"),
                json.readTree("{\"kind\": \"Pod\", \"metadata\": {\"name\": \"b\", \"namespace\": \"x\"}}"),
                json.readTree("{\"apiVersion\": \"networking.k8s.io/v1\", \"kind\": \"NetworkPolicy\", "
                        + "\"metadata\": {\"name\": \"deny\", \"namespace\": \"x\"}, "
                        + "\"spec\": {\"podSelector\": {\"matchLabels\": {\"app\": \"none\"}}}}"),
                json.readTree("\"not an object\""));
        ConnectivityResult result = ConnectivityAnalyzer.analyzeTrees("generated", trees);
        assertThat(result.workloads()).extracting(Workload::token).containsExactly("x/a[Pod]", "x/b[Pod]");
        assertThat(result.connections()).hasSize(6);
        assertThat(result.policyCount()).isEqualTo(1);
        assertThat(result.warnings()).containsExactly("generated: document 4 is not a Kubernetes object, skipped");
    }

    @Test
    void policyKindsThatAreNotModelledAreReported() {
        ManifestSet set = KubeObjectReader.readString("policies.yaml", """
                apiVersion: cilium.io/v2
                kind: CiliumClusterwideNetworkPolicy
                metadata: {name: global}
                spec: {endpointSelector: {}, ingress: [{}]}
                """);
        ConnectivityResult result = ConnectivityAnalyzer.analyze(set.objects());
        assertThat(result.warnings()).containsExactly(
                "policies.yaml: CiliumClusterwideNetworkPolicy global is not analysed; the result does not account for it");
    }
}
