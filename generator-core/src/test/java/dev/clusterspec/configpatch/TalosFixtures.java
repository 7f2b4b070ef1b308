package dev.clusterspec.configpatch;

import dev.clusterspec.Examples;
import dev.clusterspec.yaml.Yaml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import dev.clusterspec.configpatch.ConfigPatch;
import dev.clusterspec.configpatch.JsonPatch;
import dev.clusterspec.configpatch.JsonPatchOperation;
import dev.clusterspec.configpatch.PatchParser;

/**
 * Talos's configpatcher test data, read from the shared reference folder at test time, and the
 * two things its Go tests get from Talos's own code: {@code LoadPatches} (how the tests name
 * patches) and the comparison of configs.
 */
final class TalosFixtures {

    static final Path FOLDER = Examples.reference().resolve("talos/configpatcher");

    /** Every testdata file a test read, so that a test can prove none was left out. */
    static final Set<String> READ = new LinkedHashSet<>();

    private TalosFixtures() {}

    static String text(String testdataPath) {
        READ.add(testdataPath);
        try {
            return Files.readString(FOLDER.resolve("testdata").resolve(testdataPath), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<ObjectNode> config(String testdataPath) {
        List<ObjectNode> documents = new ArrayList<>();
        for (JsonNode d : Yaml.readAll(text(testdataPath))) {
            documents.add((ObjectNode) d);
        }
        return documents;
    }

    /**
     * The patch arguments of Talos's {@code LoadPatches}: {@code @file}, a bare file name (an
     * argument with no space or newline that does not start with {@code [} or <code>{</code>), or the
     * patch itself. Consecutive JSON patches become one, as there.
     */
    static List<ConfigPatch> loadPatches(String... arguments) {
        List<ConfigPatch> out = new ArrayList<>();
        for (String argument : arguments) {
            String text;
            String label;
            if (argument.startsWith("@")) {
                label = argument.substring(1);
                text = text(label);
            } else if (!argument.contains(" ") && !argument.contains("\n") && !argument.startsWith("[") && !argument.startsWith("{")) {
                label = argument;
                text = text(argument);
            } else {
                label = "inline";
                text = argument;
            }
            ConfigPatch patch = PatchParser.parse(label, text);
            if (patch instanceof JsonPatch json && !out.isEmpty() && out.get(out.size() - 1) instanceof JsonPatch previous) {
                List<JsonPatchOperation> operations = new ArrayList<>(previous.operations());
                for (JsonPatchOperation op : json.operations()) {
                    operations.add(new JsonPatchOperation(operations.size(), op.op(), op.path(), op.from(), op.value()));
                }
                out.set(out.size() - 1, new JsonPatch(previous.label() + " + " + label, operations));
            } else {
                out.add(patch);
            }
        }
        return out;
    }

    /**
     * A config as Talos would read it back: written and parsed as YAML (so numbers have one type),
     * with the keys Talos's encoder writes for unset fields removed ({@code type: ""},
     * {@code certSANs: []}, {@code cluster: null}): for Talos's typed decoder they are the same as
     * absent, and the expected files have them only because Talos encodes from its types.
     */
    static List<JsonNode> comparable(List<? extends JsonNode> documents) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode d : Yaml.readAll(Yaml.writeAll(documents))) {
            out.add(withoutUnset(d));
        }
        return out;
    }

    static List<JsonNode> comparable(String testdataPath) {
        return comparable(config(testdataPath));
    }

    private static JsonNode withoutUnset(JsonNode node) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> it = object.properties().iterator();
            List<String> drop = new ArrayList<>();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode value = withoutUnset(e.getValue());
                object.set(e.getKey(), value);
                if (unset(value)) {
                    drop.add(e.getKey());
                }
            }
            drop.forEach(object::remove);
        } else if (node instanceof ArrayNode list) {
            for (int i = 0; i < list.size(); i++) {
                list.set(i, withoutUnset(list.get(i)));
            }
        }
        return node;
    }

    private static boolean unset(JsonNode value) {
        return value.isNull() || (value.isString() && value.stringValue().isEmpty()) || (value.isContainer() && value.isEmpty());
    }
}
