package dev.clusterspec.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;

/** {@link Yaml#readAll} builds the trees Jackson's mapper builds, node type for node type. */
class YamlReadAllTest {

    @Test
    void theSameTreesAsTheMapperForEveryYamlFileOfTheTests() throws IOException {
        List<Path> files;
        try (Stream<Path> all = Files.walk(Path.of("src/test/resources"))) {
            files = all.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
        }
        int compared = 0;
        for (Path file : files) {
            String text = Files.readString(file);
            List<JsonNode> expected;
            try {
                expected = mapper(text);
            } catch (JacksonException e) {
                assertThatThrownBy(() -> Yaml.readAll(text)).as(file.toString()).isInstanceOf(JacksonException.class);
                continue;
            }
            assertThat(Yaml.readAll(text)).as(file.toString()).isEqualTo(expected);
            compared++;
        }
        assertThat(compared).isGreaterThan(100);
    }

    @Test
    void scalarsAreTypedAsTheMapperTypesThem() {
        String text = "a: 1\nb: 3000000000\nc: 123456789012345678901234567890\nd: 1.5\ne: 1e3\nf: .inf\ng: true\nh: True\ni: yes\n"
                + "j: ~\nk: null\nl: ''\nm: 0x1F\nn: 0o17\no: '1'\np: 2026-01-01\nq: !!binary aGVsbG8=\nr:\ns: [1, {t: u}]\n"
                + "---\n---\n- x\n- &a y\n- *a\n";
        assertThat(Yaml.readAll(text)).isEqualTo(mapper(text));
    }

    private static List<JsonNode> mapper(String text) {
        List<JsonNode> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> it = Yaml.mapper().readValues(Yaml.mapper().createParser(text), JsonNode.class)) {
            while (it.hasNextValue()) {
                JsonNode node = it.nextValue();
                if (node != null && !node.isNull() && !node.isMissingNode()) {
                    documents.add(node);
                }
            }
        }
        return documents;
    }
}
