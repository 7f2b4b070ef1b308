package dev.clusterspec.connectivity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads Kubernetes manifests: {@code .yaml}/{@code .yml} (several documents per file) and
 * {@code .json}; unwraps {@code List}, {@code PodList}, {@code NamespaceList}, ... whose items may
 * leave out their kind. Documents that are not Kubernetes objects are skipped with a warning, so
 * stray JSON files do not stop an analysis; syntax errors do, with file, line and column.
 */
public final class KubeObjectReader {
    /** Built when a text is read: trees of generated objects need neither (a mapper is slow to build in a new JVM). */
    private static final class Mappers {
        static final ObjectMapper YAML = YAMLMapper.builder().build();
        static final ObjectMapper JSON = JsonMapper.builder().build();
    }

    private final List<KubeObject> objects = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    private KubeObjectReader() {
    }

    /** All manifest files under {@code dir}, recursively, in path order. */
    public static ManifestSet readDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new ManifestReadException(dir.toString(), "not a directory");
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).filter(KubeObjectReader::isManifest).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            throw new ManifestReadException(dir.toString(), "cannot list directory: " + e.getMessage());
        }
        KubeObjectReader reader = new KubeObjectReader();
        for (Path file : files) {
            reader.readFile(file);
        }
        return reader.result();
    }

    /** One YAML (or JSON) text; {@code source} names it in messages. */
    public static ManifestSet readString(String source, String text) {
        KubeObjectReader reader = new KubeObjectReader();
        reader.read(source, Mappers.YAML, () -> Mappers.YAML.createParser(text));
        return reader.result();
    }

    /** Trees already parsed (e.g. generated manifests); lists are unwrapped as for files. */
    public static ManifestSet readTrees(String source, List<JsonNode> trees) {
        KubeObjectReader reader = new KubeObjectReader();
        for (int i = 0; i < trees.size(); i++) {
            reader.accept(source, i + 1, trees.get(i));
        }
        return reader.result();
    }

    static boolean isManifest(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
    }

    private ManifestSet result() {
        return new ManifestSet(objects, warnings);
    }

    private void readFile(Path file) {
        ObjectMapper mapper = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json") ? Mappers.JSON : Mappers.YAML;
        read(file.toString(), mapper, () -> mapper.createParser(file));
    }

    private interface ParserSource {
        JsonParser open();
    }

    private void read(String source, ObjectMapper mapper, ParserSource parsers) {
        int document = 0;
        try (JsonParser parser = parsers.open()) {
            Iterator<JsonNode> docs = mapper.readerFor(JsonNode.class).readValues(parser);
            while (docs.hasNext()) {
                document++;
                accept(source, document, docs.next());
            }
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            int line = at == null ? 0 : Math.max(at.getLineNr(), 0);
            int column = at == null ? 0 : Math.max(at.getColumnNr(), 0);
            throw new ManifestReadException(source, line, column, "cannot parse: " + firstLine(e.getOriginalMessage()));
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "malformed content";
        }
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).trim();
    }

    private void accept(String source, int document, JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return; // empty document, e.g. a leading or trailing '---'
        }
        if (!node.isObject()) {
            warnings.add(source + ": document " + document + " is not a Kubernetes object, skipped");
            return;
        }
        String kind = Json.text(node.path("kind"));
        if (kind.isEmpty()) {
            warnings.add(source + ": document " + document + " has no kind, skipped");
            return;
        }
        addObject(source, kind, node);
    }

    private void addObject(String source, String kind, JsonNode node) {
        JsonNode items = node.get("items");
        if (!kind.endsWith("List") || items == null || !items.isArray()) {
            objects.add(new KubeObject(source, kind, node));
            return;
        }
        // PodList items imply kind Pod; a plain List gives no default
        String implied = kind.equals("List") ? "" : kind.substring(0, kind.length() - "List".length());
        int index = 0;
        for (JsonNode item : items) {
            String itemKind = Json.text(item.path("kind"));
            itemKind = itemKind.isEmpty() ? implied : itemKind;
            if (!item.isObject() || itemKind.isEmpty()) {
                warnings.add(source + ": item " + index + " of " + kind + " has no kind, skipped");
            } else {
                addObject(source, itemKind, item);
            }
            index++;
        }
    }
}
