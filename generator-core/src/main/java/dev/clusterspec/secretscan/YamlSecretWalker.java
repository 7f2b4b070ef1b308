package dev.clusterspec.secretscan;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.snakeyaml.engine.v2.api.LoadSettings;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads a YAML (or JSON) file document by document and reports Secret objects, Secret manifests
 * embedded in string values (the way Talos inline manifests carry them) and credential-like values
 * under secret-sounding keys. It keeps the line of every node, which a parsed Jackson tree does not.
 */
final class YamlSecretWalker {

    static final String SECRET_OBJECT = "Kubernetes Secret object (kind: Secret)";

    /** Signals that a multi-line string may be a manifest worth parsing. */
    private static final Pattern EMBEDDED_SECRET_KIND =
            Pattern.compile("(?m)^\\s*(?:-\\s+)?[\"']?kind[\"']?\\s*:\\s*[\"']?Secret[\"']?\\s*(?:#.*)?$");
    private static final int MAX_EMBEDDING_DEPTH = 2;

    /** A YAML node with the 1-based line it starts on. */
    private sealed interface Node permits Scalar, Sequence, Mapping {
        int line();
    }

    private record Scalar(int line, String text, boolean isString) implements Node {
    }

    private record Sequence(int line, List<Node> items) implements Node {
    }

    private record Entry(String key, int line, Node value) {
    }

    private record Mapping(int line, List<Entry> entries) implements Node {
        /** Every entry with this key: duplicates are kept, because a later one would win on apply. */
        List<Entry> all(String key) {
            return entries.stream().filter(e -> key.equals(e.key())).toList();
        }

        String string(String key) {
            for (Entry e : entries) {
                if (key.equals(e.key()) && e.value() instanceof Scalar s && s.isString()) {
                    return s.text();
                }
            }
            return null;
        }
    }

    private final YAMLMapper mapper;

    YamlSecretWalker() {
        // manifest files can be far bigger than a hand-written spec (CRD bundles are ~0.5 MB)
        LoadSettings settings = LoadSettings.builder()
                .setCodePointLimit(64 * 1024 * 1024)
                .setMaxAliasesForCollections(50)
                .build();
        this.mapper = YAMLMapper.builder(YAMLFactory.builder().loadSettings(settings).build()).build();
    }

    /**
     * Scans every document of {@code text}.
     *
     * @throws JacksonException when the text is not valid YAML; the caller then scans it as plain text
     */
    List<SecretFinding> scan(String file, String text) {
        List<SecretFinding> findings = new ArrayList<>();
        for (Node document : parseDocuments(text)) {
            checkObject(file, document, false, findings);
            walk(file, document, 0, findings);
        }
        return findings;
    }

    private List<Node> parseDocuments(String text) {
        List<Node> documents = new ArrayList<>();
        try (JsonParser parser = mapper.createParser(text)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                documents.add(read(parser, token));
            }
        }
        return documents;
    }

    private static Node read(JsonParser parser, JsonToken token) {
        int line = parser.currentTokenLocation().getLineNr();
        switch (token) {
            case START_OBJECT: {
                List<Entry> entries = new ArrayList<>();
                JsonToken next;
                while ((next = parser.nextToken()) != JsonToken.END_OBJECT && next != null) {
                    String key = parser.currentName();
                    int keyLine = parser.currentTokenLocation().getLineNr();
                    entries.add(new Entry(key, keyLine, read(parser, parser.nextToken())));
                }
                return new Mapping(line, entries);
            }
            case START_ARRAY: {
                List<Node> items = new ArrayList<>();
                JsonToken next;
                while ((next = parser.nextToken()) != JsonToken.END_ARRAY && next != null) {
                    items.add(read(parser, next));
                }
                return new Sequence(line, items);
            }
            case VALUE_STRING:
                return new Scalar(line, parser.getString(), true);
            case VALUE_NULL:
                return new Scalar(line, null, false);
            default:
                return new Scalar(line, token.isScalarValue() ? parser.getString() : null, false);
        }
    }

    /** A Secret at the top of a document, or inside the items of a List kind. */
    private static void checkObject(String file, Node node, boolean inList, List<SecretFinding> findings) {
        if (!(node instanceof Mapping object)) {
            return;
        }
        for (Entry kind : object.all("kind")) {
            if (kind.value() instanceof Scalar s && "Secret".equals(s.text())) {
                findings.add(new SecretFinding(file, kind.line(),
                        inList ? SECRET_OBJECT + " in the items of a List" : SECRET_OBJECT));
            }
        }
        String kind = object.string("kind");
        if (kind != null && kind.endsWith("List")) {
            for (Entry items : object.all("items")) {
                if (items.value() instanceof Sequence sequence) {
                    sequence.items().forEach(item -> checkObject(file, item, true, findings));
                }
            }
        }
    }

    private void walk(String file, Node node, int embeddingDepth, List<SecretFinding> findings) {
        if (node instanceof Mapping mapping) {
            checkEnvVar(file, mapping, findings);
            for (Entry entry : mapping.entries()) {
                if (entry.value() instanceof Scalar s && s.isString()
                        && SecretValueHeuristics.isSecretKeyName(entry.key())
                        && SecretValueHeuristics.looksLikeSecretValue(s.text())) {
                    findings.add(new SecretFinding(file, s.line(),
                            "credential-like value under key '" + entry.key() + "'"));
                }
                walk(file, entry.value(), embeddingDepth, findings);
            }
        } else if (node instanceof Sequence sequence) {
            sequence.items().forEach(item -> walk(file, item, embeddingDepth, findings));
        } else if (node instanceof Scalar s && s.isString()) {
            checkEmbeddedManifest(file, s, embeddingDepth, findings);
        }
    }

    /** Container env entries: {@code {name: API_TOKEN, value: "..."}}. */
    private static void checkEnvVar(String file, Mapping mapping, List<SecretFinding> findings) {
        String name = mapping.string("name");
        if (name == null || !SecretValueHeuristics.isSecretKeyName(name)) {
            return;
        }
        for (Entry value : mapping.all("value")) {
            if (value.value() instanceof Scalar s && s.isString()
                    && SecretValueHeuristics.looksLikeSecretValue(s.text())) {
                findings.add(new SecretFinding(file, s.line(),
                        "credential-like value of variable '" + name + "'"));
            }
        }
    }

    private void checkEmbeddedManifest(String file, Scalar s, int embeddingDepth, List<SecretFinding> findings) {
        String text = s.text();
        if (embeddingDepth >= MAX_EMBEDDING_DEPTH || text.indexOf('\n') < 0
                || !EMBEDDED_SECRET_KIND.matcher(text).find()) {
            return;
        }
        List<Node> embedded;
        try {
            embedded = parseDocuments(text);
        } catch (JacksonException notYaml) {
            return;
        }
        List<SecretFinding> inner = new ArrayList<>();
        for (Node document : embedded) {
            checkObject(file, document, false, inner);
            walk(file, document, embeddingDepth + 1, inner);
        }
        if (inner.stream().anyMatch(f -> f.what().startsWith(SECRET_OBJECT)
                || f.what().startsWith("Secret manifest embedded"))) {
            findings.add(new SecretFinding(file, s.line(), "Secret manifest embedded in a string value"));
        }
    }
}
