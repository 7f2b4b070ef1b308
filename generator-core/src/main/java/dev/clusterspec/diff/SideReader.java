package dev.clusterspec.diff;

import dev.clusterspec.yaml.Yaml;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * Turns one side's files into entries keyed by identity:
 * <ul>
 *   <li>YAML files whose documents are all Kubernetes objects give one entry per object, keyed by
 *       group, kind, namespace and name wherever the object sits (content-addressed file names
 *       change with every edit);</li>
 *   <li>secret files (Talos configs, talosconfig) that are YAML give one entry per document, keyed
 *       by path, kind and name;</li>
 *   <li>everything else (nft, .fw, JSON, Markdown, SVG, YAML that is not made of objects) is one
 *       text entry keyed by path.</li>
 * </ul>
 */
final class SideReader {

    record Side(SortedMap<EntryId, SideItem> items, List<String> notes) {}

    private final DiffOptions options;
    private final String label;
    private final SortedMap<EntryId, SideItem> items = new TreeMap<>();
    private final Map<EntryId, List<String>> objectFiles = new HashMap<>();
    private final List<String> notes = new ArrayList<>();

    private SideReader(DiffOptions options, String label) {
        this.options = options;
        this.label = label;
    }

    static Side read(SortedMap<String, byte[]> files, DiffOptions options, String label) {
        SideReader reader = new SideReader(options, label);
        files.forEach(reader::file);
        reader.noteDuplicates();
        return new Side(reader.items, List.copyOf(reader.notes));
    }

    private void file(String path, byte[] content) {
        boolean secret = options.isSecretFile(path);
        String text = utf8(content);
        if (text != null && readsAsYaml(path, secret)) {
            List<JsonNode> documents = parse(text);
            if (documents != null && !documents.isEmpty()) {
                if (secret) {
                    documents(path, documents);
                    return;
                }
                if (documents.stream().allMatch(SideReader::isKubernetesObject)) {
                    documents.forEach(document -> object(path, document));
                    return;
                }
            }
        }
        String shown;
        if (secret) {
            shown = SecretRedaction.token(text != null ? text : new String(content, StandardCharsets.ISO_8859_1)) + "\n";
        } else {
            shown = text == null ? null : SecretRedaction.text(text);
        }
        items.put(EntryId.file(path), new SideItem.Text(path, content, shown));
    }

    /** {@code .yaml}/{@code .yml}, and secret files without an extension (talosconfig). */
    private static boolean readsAsYaml(String path, boolean secret) {
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml") || (secret && !name.contains("."));
    }

    private static List<JsonNode> parse(String text) {
        try {
            return Yaml.readAll(text);
        } catch (RuntimeException notYaml) {
            return null;
        }
    }

    static boolean isKubernetesObject(JsonNode document) {
        return document.isObject() && nonEmptyString(document.get("apiVersion")) && nonEmptyString(document.get("kind"))
                && nonEmptyString(document.path("metadata").get("name"));
    }

    private static boolean nonEmptyString(JsonNode node) {
        return node != null && node.isString() && !node.stringValue().isEmpty();
    }

    private void object(String path, JsonNode document) {
        String apiVersion = document.get("apiVersion").stringValue();
        int slash = apiVersion.indexOf('/');
        EntryId id = EntryId.object(slash < 0 ? "" : apiVersion.substring(0, slash), document.get("kind").stringValue(),
                document.path("metadata").path("namespace").asString(""), document.path("metadata").get("name").stringValue());
        objectFiles.computeIfAbsent(id, k -> new ArrayList<>()).add(path);
        // files come sorted by path, so the last definition in path order is the one compared;
        // secret files never get here (they are read as documents)
        items.put(id, new SideItem.Tree(path, document, SecretRedaction.document(document, false)));
    }

    private void documents(String path, List<JsonNode> documents) {
        Map<String, Integer> seen = new HashMap<>();
        boolean single = documents.size() == 1;
        for (int i = 0; i < documents.size(); i++) {
            JsonNode document = documents.get(i);
            String kind = documentKind(document, single, i);
            String name = document.path("name").isValueNode() ? document.path("name").asString("") : "";
            int count = seen.merge(kind + "\u0000" + name, 1, Integer::sum);
            if (count > 1) {
                name = (name.isEmpty() ? "" : name + " ") + "#" + count;
            }
            items.put(EntryId.document(path, kind, name), new SideItem.Tree(path, document, SecretRedaction.document(document, true)));
        }
    }

    /** Talos documents have a {@code kind}; the v1alpha1 machine config has only {@code version}. */
    private static String documentKind(JsonNode document, boolean single, int index) {
        JsonNode kind = document.path("kind");
        if (kind.isString() && !kind.stringValue().isEmpty()) {
            return kind.stringValue();
        }
        JsonNode version = document.path("version");
        if (version.isString() && !version.stringValue().isEmpty()) {
            return version.stringValue();
        }
        return single ? "" : "#" + (index + 1);
    }

    private void noteDuplicates() {
        objectFiles.entrySet().stream()
                .filter(e -> e.getValue().size() > 1)
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> notes.add(e.getKey().display() + " is defined " + e.getValue().size() + " times on the "
                        + label + " side (" + String.join(", ", e.getValue()) + "); compared: the one in "
                        + e.getValue().get(e.getValue().size() - 1)));
    }

    private static String utf8(byte[] content) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException notText) {
            return null;
        }
    }
}
