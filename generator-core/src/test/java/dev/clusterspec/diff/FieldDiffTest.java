package dev.clusterspec.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterspec.yaml.Yaml;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class FieldDiffTest {

    private static List<String> fields(String before, String after) {
        JsonNode b = Yaml.readAll(before).get(0);
        JsonNode a = Yaml.readAll(after).get(0);
        return FieldDiff.compare(b, a).stream().map(FieldChange::toString).toList();
    }

    @Test
    void namedListItemsAreMatchedByName() {
        String before = """
                containers:
                  - name: agent
                    image: cilium:1.18.11
                  - name: operator
                    image: operator:1.18.11
                """;
        String after = """
                containers:
                  - name: init
                    image: busybox
                  - name: agent
                    image: cilium:1.18.12
                  - name: operator
                    image: operator:1.18.11
                """;
        assertThat(fields(before, after)).containsExactly(
                "containers[name=init]: added {\"name\":\"init\",\"image\":\"busybox\"}",
                "containers[name=agent].image: cilium:1.18.11 -> cilium:1.18.12");
    }

    @Test
    void listsOfDifferentLengthAreAlignedOnEqualItems() {
        assertThat(fields("args: [a, b, c, d]\n", "args: [x, a, b, d, e]\n")).containsExactly(
                "args[0]: added x", "args[2]: removed c", "args[4]: added e");
        // between two matches, a removal and an addition at the same place are one change
        assertThat(fields("args: [a, b, c]\n", "args: [a, B, c, d]\n")).containsExactly("args[1]: b -> B", "args[3]: added d");
        assertThat(fields("args: [a, b, c]\n", "args: [a, c]\n")).containsExactly("args[1]: removed b");
        assertThat(fields("args: []\n", "args: [a]\n")).containsExactly("args[0]: added a");
    }

    @Test
    void keysThatAreNotIdentifiersAreQuoted() {
        assertThat(fields("metadata:\n  labels:\n    app.kubernetes.io/name: a\n",
                "metadata:\n  labels:\n    app.kubernetes.io/name: b\n"))
                .containsExactly("metadata.labels[\"app.kubernetes.io/name\"]: a -> b");
    }

    @Test
    void valuesShowTheirType() {
        assertThat(fields("port: 443\n", "port: \"443\"\n")).containsExactly("port: 443 -> \"443\"");
        assertThat(fields("enabled: true\n", "enabled: \"yes\"\n")).containsExactly("enabled: true -> \"yes\"");
        assertThat(fields("a: x\n", "a: null\n")).containsExactly("a: x -> null");
        assertThat(fields("a: x\n", "a: {b: 1}\n")).containsExactly("a: x -> {\"b\":1}");
        assertThat(fields("a: x\n", "a: \" x\"\n")).containsExactly("a: x -> \" x\"");
        assertThat(fields("cidr: 10.0.0.0/24\n", "cidr: 10.0.1.0/24\n")).containsExactly("cidr: 10.0.0.0/24 -> 10.0.1.0/24");
    }

    @Test
    void addedRemovedAndMultiLineValues() {
        assertThat(fields("a: 1\nb: 2\n", "a: 1\nc: 3\n")).containsExactly("c: added 3", "b: removed 2");
        assertThat(fields("s: |\n  one\n  two\n", "s: |\n  one\n  three\n  four\n"))
                .containsExactly("s: (text, 2 lines) -> (text, 3 lines)");
        String longValue = "x".repeat(200);
        assertThat(fields("a: b\n", "a: " + longValue + "\n")).singleElement().asString()
                .isEqualTo("a: b -> " + "x".repeat(77) + "...");
    }

    @Test
    void equalTreesHaveNoChanges() {
        assertThat(fields("a: [1, 2]\nb: {c: d}\n", "b: {c: d}\na: [1, 2]\n")).isEmpty();
    }
}
