package dev.clusterspec.configpatch;

import dev.clusterspec.yaml.Yaml;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Tells a JSON patch from a strategic merge patch as Talos's {@code LoadPatch} does: YAML
 * documents that are mappings are a strategic merge patch; a list (of operations, in JSON or YAML)
 * is a JSON patch. Everything else is an error. Two departures, both to catch mistakes early: an
 * empty patch is an error (Talos would take it as an empty JSON patch), and a JSON patch must be the
 * only YAML document of its text (Talos would read the first and ignore the rest).
 */
public final class PatchParser {

    private PatchParser() {}

    /**
     * Reads a patch from its YAML documents, as parsed (null entries stand for empty documents,
     * which Talos skips). Positions in errors count every document, empty ones included.
     */
    public static ConfigPatch parse(String label, List<? extends JsonNode> documents) {
        List<Integer> present = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            JsonNode d = documents.get(i);
            if (d != null && !d.isNull() && !d.isMissingNode()) {
                present.add(i);
            }
        }
        if (present.isEmpty()) {
            throw new PatchException(label, PatchException.Part.PATCH, -1, "", "",
                    "the patch is empty; write a strategic merge patch (a YAML mapping such as 'machine: {...}') or a JSON patch (a list of operations)");
        }
        JsonNode first = documents.get(present.get(0));
        if (first.isArray()) {
            if (present.size() > 1) {
                throw new PatchException(label, PatchException.Part.DOCUMENT, present.get(1), "", "",
                        "a JSON patch is one list of operations; this text has more YAML documents after it (Talos would ignore them)");
            }
            return jsonPatch(label, first);
        }
        List<PatchDocument> read = new ArrayList<>();
        for (int i : present) {
            JsonNode d = documents.get(i);
            if (!d.isObject()) {
                throw new PatchException(label, PatchException.Part.DOCUMENT, i, "", "", "a strategic merge patch document is a YAML mapping"
                        + " (e.g. 'machine: {...}', or 'apiVersion: v1alpha1' + 'kind: ...'), not " + TreeMerge.describe(d)
                        + "; a JSON patch is a list of operations");
            }
            try {
                read.add(PatchDocumentReader.read(i, (ObjectNode) d.deepCopy()));
            } catch (PatchFailure failure) {
                throw failure.in(label, PatchException.Part.DOCUMENT, i);
            }
        }
        return new StrategicMergePatch(label, read);
    }

    /** Reads a patch from text (YAML or JSON), without source positions: for tests and tools. */
    public static ConfigPatch parse(String label, String text) {
        List<JsonNode> documents;
        try {
            documents = Yaml.readAll(text);
        } catch (JacksonException e) {
            throw new PatchException(label, PatchException.Part.PATCH, -1, "", "", "not valid YAML or JSON: " + e.getOriginalMessage());
        }
        return parse(label, documents);
    }

    private static JsonPatch jsonPatch(String label, JsonNode list) {
        List<JsonPatchOperation> operations = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            try {
                operations.add(JsonPatchOperation.read(i, list.get(i)));
            } catch (PatchFailure failure) {
                throw failure.in(label, PatchException.Part.OPERATION, i);
            }
        }
        return new JsonPatch(label, operations);
    }
}
