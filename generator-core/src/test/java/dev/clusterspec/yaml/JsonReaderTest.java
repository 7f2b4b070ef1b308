package dev.clusterspec.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clusterspec.emit.OutputFile;
import dev.clusterspec.write.OutputIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class JsonReaderTest {

    @Test
    void readsWhatJacksonReads() {
        String json = "{\"a\": [1, -2, 3.5, 1e3, true, false, null], \"s\": \"q\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\u2028\", "
                + "\"o\": {}, \"l\": [], \"z\": {\"y\": {\"x\": \"\"}}}";
        Object ours = JsonReader.read(json);
        Object jackson = JsonMapper.builder().build().readValue(json, Object.class);
        assertThat(ours).isEqualTo(normalised(jackson));
        assertThat(List.copyOf(((Map<?, ?>) ours).keySet())).isEqualTo(List.of("a", "s", "o", "l", "z"));
    }

    @Test
    void treesAreWhatJacksonMakes() {
        String json = "{\"n\": [1, 3000000000, 2.5, -0.0], \"o\": {\"b\": true, \"z\": null, \"s\": \"x\"}}";
        assertThat(JsonReader.readTree(json)).isEqualTo(JsonMapper.shared().readTree(json));
        String strings = "[\"plain\", \"q\\\"b\\\\s\\n\\t\\r\\b\\f\\u0001\\u001f/é\"]";
        JsonNode ours = JsonReader.readTree(strings);
        JsonNode jackson = JsonMapper.shared().readTree(strings);
        for (int i = 0; i < jackson.size(); i++) {
            assertThat(ours.get(i).toString()).isEqualTo(jackson.get(i).toString());
        }
        assertThat(JsonReader.readTree(json).toString()).isEqualTo(JsonMapper.shared().readTree(json).toString());
        assertThat(ours.toString()).isEqualTo(jackson.toString());
    }

    @Test
    void refusesWhatIsNotOneJsonValue() {
        for (String bad : List.of("", "{", "{\"a\" 1}", "[1,]x", "[1 2]", "\"open", "{\"a\":1} 2", "tru", "\"\\x\"", "\"\\u12\"", "\"\\u+123\"", "{a:1}", "-")) {
            assertThatThrownBy(() -> JsonReader.read(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void theIndexReadsBackAsWritten(@TempDir Path dir) throws Exception {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("sha256", "abc");
        inputs.put("files", List.of("cluster.yaml", "secrets/é \"quoted\".yaml"));
        inputs.put("warnings", List.of(Map.of("line", 3L)));
        OutputIndex index = OutputIndex.of("f", inputs, List.of(OutputFile.text("b/x.yaml", "x: 1\n"), OutputFile.secretText("a.yaml", "k\n")));
        Files.createDirectories(dir.resolve(".clusterspec"));
        Files.writeString(dir.resolve(OutputIndex.PATH), index.toJson());
        assertThat(OutputIndex.read(dir)).contains(index);

        Files.writeString(dir.resolve(OutputIndex.PATH), index.toJson().replace("\"files\"", "\"files\" oops"));
        assertThat(OutputIndex.read(dir)).isEmpty();
    }

    /** Jackson reads small integers as Integer; ours are all Long. */
    private static Object normalised(Object value) {
        if (value instanceof Integer i) {
            return i.longValue();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(JsonReaderTest::normalised).toList();
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(k, normalised(v)));
            return out;
        }
        return value;
    }
}
