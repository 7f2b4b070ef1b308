package dev.clusterspec.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

class JsonWriterTest {

    private static final JsonMapper JACKSON = JsonMapper.shared();

    private static ObjectWriter jackson(JsonWriter.Layout layout) {
        Separators after = Separators.createDefaultInstance().withObjectNameValueSpacing(Separators.Spacing.AFTER);
        return switch (layout) {
            case COMPACT -> JACKSON.writer();
            case DEFAULT -> JACKSON.writerWithDefaultPrettyPrinter();
            case COLON_AFTER -> JACKSON.writer().with(new DefaultPrettyPrinter(after));
            case ONE_PER_LINE -> JACKSON.writer().with(new DefaultPrettyPrinter(after)
                    .withArrayIndenter(new DefaultIndenter("  ", "\n")).withObjectIndenter(new DefaultIndenter("  ", "\n")));
        };
    }

    @Test
    void writesWhatJacksonWritesInEveryLayout() throws IOException {
        List<JsonNode> trees = new ArrayList<>();
        Random random = new Random(7);
        for (int i = 0; i < 300; i++) {
            trees.add(randomValue(random, 0));
        }
        try (Stream<Path> files = Files.walk(Path.of("src/test/resources/golden"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                trees.add(JACKSON.readTree(Files.readString(f)));
            }
        }
        assertThat(trees).hasSizeGreaterThan(310);
        for (JsonWriter.Layout layout : JsonWriter.Layout.values()) {
            for (JsonNode tree : trees) {
                assertThat(JsonWriter.write(tree, layout)).as(layout + " " + tree).isEqualTo(jackson(layout).writeValueAsString(tree));
            }
        }
    }

    @Test
    void plainValuesAsJacksonWritesMaps() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("fingerprint", "abc");
        root.put("inputs", Map.of("files", List.of("a", "b"), "none", List.of()));
        root.put("files", List.of(Map.of("size", 12L, "secret", true), new LinkedHashMap<>()));
        root.put("line", 3);
        root.put("nothing", null);
        assertThat(JsonWriter.write(root, JsonWriter.Layout.DEFAULT)).isEqualTo(jackson(JsonWriter.Layout.DEFAULT).writeValueAsString(root));
    }

    @Test
    void quotesAsJackson() {
        for (String s : List.of("", "plain", "q\"b\\s/\n\t\r\b\f\u0001\u001f\u007f é \u2028 ${var.x}")) {
            assertThat(JsonWriter.quote(s)).isEqualTo(JACKSON.writeValueAsString(s));
        }
    }

    private static JsonNode randomValue(Random random, int depth) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        int kind = depth > 3 ? 2 + random.nextInt(6) : random.nextInt(8);
        switch (kind) {
            case 0: {
                ObjectNode object = nodes.objectNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    object.set("k" + random.nextInt(100) + (random.nextBoolean() ? "\"/" : ""), randomValue(random, depth + 1));
                }
                return object;
            }
            case 1: {
                ArrayNode array = nodes.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(randomValue(random, depth + 1));
                }
                return array;
            }
            case 2:
                return nodes.stringNode(random.nextBoolean() ? "text " + random.nextInt() : "t\"a\\b\n\u0002é");
            case 3:
                return nodes.numberNode(random.nextInt());
            case 4:
                return nodes.numberNode(random.nextLong());
            case 5:
                return nodes.numberNode(random.nextBoolean() ? random.nextDouble() * 1e12 : 0.5);
            case 6:
                return nodes.booleanNode(random.nextBoolean());
            default:
                return nodes.nullNode();
        }
    }
}
