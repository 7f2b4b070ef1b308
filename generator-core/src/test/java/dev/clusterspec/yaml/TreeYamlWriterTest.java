package dev.clusterspec.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import dev.clusterspec.Examples;
import dev.clusterspec.Golden;

/**
 * {@link TreeYamlWriter} writes exactly what the mapper writes, or declines: compared on every
 * YAML document of the golden files and examples, on thousands of random trees, and on every short
 * string over the characters that matter to YAML's quoting rules.
 */
class TreeYamlWriterTest {

    private static final long SEED = 20240607L;
    private static final int RANDOM_TREES = 10_000;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Test
    void writesTheGoldenAndExampleDocumentsAsTheMapperDoes() throws IOException {
        List<Path> files = yamlFiles(Golden.root(), Examples.root().resolve("examples"));
        int documents = 0;
        List<String> declined = new ArrayList<>();
        for (Path file : files) {
            List<JsonNode> trees = Yaml.readAll(Files.readString(file));
            for (int i = 0; i < trees.size(); i++) {
                String name = file + " document " + (i + 1);
                if (!compare(name, trees.get(i))) {
                    declined.add(name);
                }
                documents++;
            }
        }
        System.out.printf("TreeYamlWriter: %d documents of %d YAML files, %d declined: %s%n",
                documents, files.size(), declined.size(), declined);
        assertThat(files).hasSizeGreaterThan(40);
        // a declined document is still written right, by the mapper, only slower: keep that rare
        assertThat(declined).as("documents of the project's outputs left to the mapper").hasSizeLessThanOrEqualTo(documents / 20);
    }

    @Test
    void writesRandomTreesAsTheMapperDoes() {
        RandomYamlTrees trees = new RandomYamlTrees(SEED);
        int declined = 0;
        for (int i = 0; i < RANDOM_TREES; i++) {
            if (!compare("random tree " + i + " (seed " + SEED + ")", trees.document())) {
                declined++;
            }
        }
        System.out.printf("TreeYamlWriter: %d random trees, %d written fast and identical, %d declined%n",
                RANDOM_TREES, RANDOM_TREES - declined, declined);
        assertThat(RANDOM_TREES - declined).as("random trees the fast writer wrote").isGreaterThan(RANDOM_TREES / 3);
    }

    /** Every string of up to three characters from those that decide quoting, as key, value and item. */
    @Test
    void writesEveryShortStringAsTheMapperDoes() {
        String alphabet = "ay0-.:#' ~\t\n[=<?!é";
        List<String> texts = new ArrayList<>(List.of(""));
        for (int length = 1; length <= 3; length++) {
            List<String> longer = new ArrayList<>();
            for (String text : texts) {
                if (text.length() == length - 1) {
                    for (char c : alphabet.toCharArray()) {
                        longer.add(text + c);
                    }
                }
            }
            texts.addAll(longer);
        }
        int declinedAsValue = 0;
        int declinedAsKey = 0;
        for (String text : texts) {
            ObjectNode values = NODES.objectNode();
            values.put("value", text);
            ArrayNode items = values.putArray("items");
            items.add(text);
            items.addObject().put("key", text);
            items.addArray().add(text);
            values.putObject("nested").put("value", text);
            if (!compare("values " + NODES.stringNode(text), values)) {
                declinedAsValue++;
            }
            ObjectNode keys = NODES.objectNode();
            keys.put(text, 1);
            keys.putArray("items").addObject().putObject(text).put(text, true);
            if (!compare("keys " + NODES.stringNode(text), keys)) {
                declinedAsKey++;
            }
        }
        System.out.printf("TreeYamlWriter: %d short strings, declined %d as values and %d as keys%n",
                texts.size(), declinedAsValue, declinedAsKey);
        assertThat(declinedAsValue).isLessThan(texts.size() / 4);
        assertThat(declinedAsKey).isLessThan(texts.size() / 2);
    }

    @Test
    void writesOddShapesAsTheMapperDoes() {
        ObjectNode deep = NODES.objectNode();
        ObjectNode level = deep;
        for (int i = 0; i < 30; i++) {
            level.putArray("list").addArray().addObject().put("k", "v");
            level = level.putObject("next");
        }
        ArrayNode sequences = NODES.arrayNode();
        sequences.addArray().addArray().add("x").add(NODES.objectNode()).add(NODES.arrayNode());
        sequences.addObject().putArray("a").addArray().add(1);
        for (JsonNode tree : List.of(NODES.objectNode(), NODES.arrayNode(), deep, sequences)) {
            assertThat(compare("shape " + tree, tree)).as("written fast: %s", tree).isTrue();
        }
        // a scalar root is left to the mapper, and Yaml.write still writes it
        assertThat(TreeYamlWriter.tryWrite(NODES.stringNode("x"))).isNull();
        assertThat(Yaml.write(NODES.stringNode("x"))).isEqualTo(Yaml.writeWithMapper(NODES.stringNode("x")));
        // so is a tree nested deeper than the writer goes
        ArrayNode deepest = NODES.arrayNode();
        ArrayNode inner = deepest;
        for (int i = 0; i < 250; i++) {
            inner = inner.addArray();
        }
        inner.add("bottom");
        assertThat(TreeYamlWriter.tryWrite(deepest)).isNull();
        assertThat(Yaml.write(deepest)).isEqualTo(Yaml.writeWithMapper(deepest));
    }

    @Test
    void writeAllSeparatesDocumentsAndKeepsDeclinedOnesInPlace() {
        ObjectNode first = NODES.objectNode().put("a", "1");
        ObjectNode declined = NODES.objectNode().put("bell", "\u0007");
        ArrayNode last = NODES.arrayNode().add("x");
        assertThat(TreeYamlWriter.tryWrite(declined)).isNull();
        assertThat(Yaml.writeAll(List.of(first, declined, last))).isEqualTo(
                Yaml.writeWithMapper(first) + "---\n" + Yaml.writeWithMapper(declined) + "---\n" + Yaml.writeWithMapper(last));
    }

    /** Asserts the fast writer's text equals the mapper's; false when the fast writer declined. */
    private static boolean compare(String name, JsonNode tree) {
        String fast = TreeYamlWriter.tryWrite(tree);
        if (fast == null) {
            return false;
        }
        assertThat(fast).as("YAML of %s: %s", name, tree).isEqualTo(Yaml.writeWithMapper(tree));
        return true;
    }

    private static List<Path> yamlFiles(Path... roots) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path root : roots) {
            try (Stream<Path> all = Files.walk(root)) {
                all.filter(Files::isRegularFile)
                        .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                        .filter(p -> !p.toString().contains("/target/"))
                        .sorted()
                        .forEach(files::add);
            }
        }
        return files;
    }
}
