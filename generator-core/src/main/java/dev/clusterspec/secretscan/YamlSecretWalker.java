package dev.clusterspec.secretscan;

import dev.clusterspec.yaml.YamlLimits;
import dev.clusterspec.yaml.YamlNode;
import dev.clusterspec.yaml.YamlNode.Entry;
import dev.clusterspec.yaml.YamlNode.Mapping;
import dev.clusterspec.yaml.YamlNode.Scalar;
import dev.clusterspec.yaml.YamlNode.Sequence;
import dev.clusterspec.yaml.YamlReadException;
import dev.clusterspec.yaml.YamlReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a YAML (or JSON) file document by document and reports Secret objects, Secret manifests
 * embedded in string values (the way Talos inline manifests carry them) and credential-like values
 * under secret-sounding keys, each at the line of the node that holds it.
 */
final class YamlSecretWalker {

    static final String SECRET_OBJECT = "Kubernetes Secret object (kind: Secret)";

    /**
     * Manifest files can be far bigger than a hand-written spec (CRD bundles are ~0.5 MB); 500 levels
     * bound the walk's recursion. Keys may repeat (a later one would win on apply, so both are looked
     * at). Aliases are not walked again where they are used, so their expansion needs no budget.
     */
    private static final YamlLimits LIMITS = new YamlLimits(64L * 1024 * 1024, 500, Long.MAX_VALUE,
            YamlLimits.UNLIMITED, false, false);
    private static final YamlReader READER = new YamlReader(LIMITS);

    /** Scalars of these types are not text: {@code token: 12345} is a number, not a credential. */
    private static final Set<String> NOT_TEXT = Set.of(Scalar.NULL, Scalar.BOOL, Scalar.INT, Scalar.FLOAT, Scalar.BINARY);

    /** Signals that a multi-line string may be a manifest worth parsing. */
    private static final Pattern EMBEDDED_SECRET_KIND =
            Pattern.compile("(?m)^\\s*(?:-\\s+)?[\"']?kind[\"']?\\s*:\\s*[\"']?Secret[\"']?\\s*(?:#.*)?$");
    private static final int MAX_EMBEDDING_DEPTH = 2;

    /**
     * Scans every document of {@code text}.
     *
     * @throws YamlReadException when the text is not valid YAML; the caller then scans it as plain text
     */
    List<SecretFinding> scan(String file, String text) {
        List<SecretFinding> findings = new ArrayList<>();
        for (YamlNode document : READER.readAll(file, text)) {
            checkObject(file, document, false, findings);
            walk(file, document, 0, findings);
        }
        return findings;
    }

    /** A scalar that is text (a string), not a null, boolean or number; an alias stands for its anchor's node. */
    private static Scalar text(YamlNode node) {
        return node.resolved() instanceof Scalar s && !NOT_TEXT.contains(s.resolvedTag()) ? s : null;
    }

    /** Every entry with this key: duplicates are kept, because a later one would win on apply. */
    private static List<Entry> all(Mapping mapping, String key) {
        List<Entry> found = new ArrayList<>(1);
        for (Entry e : mapping.entries()) {
            if (key.equals(e.key().value())) {
                found.add(e);
            }
        }
        return found;
    }

    /** The first text value under this key, or null. */
    private static String string(Mapping mapping, String key) {
        for (Entry e : mapping.entries()) {
            Scalar s;
            if (key.equals(e.key().value()) && (s = text(e.value())) != null) {
                return s.value();
            }
        }
        return null;
    }

    /** A Secret at the top of a document, or inside the items of a List kind. */
    private static void checkObject(String file, YamlNode node, boolean inList, List<SecretFinding> findings) {
        if (!(node.resolved() instanceof Mapping object)) {
            return;
        }
        for (Entry kind : all(object, "kind")) {
            if (kind.value().resolved() instanceof Scalar s && "Secret".equals(s.value())) {
                findings.add(new SecretFinding(file, kind.key().line(),
                        inList ? SECRET_OBJECT + " in the items of a List" : SECRET_OBJECT));
            }
        }
        String kind = string(object, "kind");
        if (kind != null && kind.endsWith("List")) {
            for (Entry items : all(object, "items")) {
                if (items.value().resolved() instanceof Sequence sequence) {
                    sequence.items().forEach(item -> checkObject(file, item, true, findings));
                }
            }
        }
    }

    /** Every node as written; an alias is not walked again where it is used, its anchor's node was where it is written. */
    private static void walk(String file, YamlNode node, int embeddingDepth, List<SecretFinding> findings) {
        if (node instanceof Mapping mapping) {
            checkEnvVar(file, mapping, findings);
            for (Entry entry : mapping.entries()) {
                Scalar s = text(entry.value());
                if (s != null && SecretValueHeuristics.isSecretKeyName(entry.key().value())
                        && SecretValueHeuristics.looksLikeSecretValue(s.value())) {
                    findings.add(new SecretFinding(file, s.line(),
                            "credential-like value under key '" + entry.key().value() + "'"));
                }
                walk(file, entry.value(), embeddingDepth, findings);
            }
        } else if (node instanceof Sequence sequence) {
            sequence.items().forEach(item -> walk(file, item, embeddingDepth, findings));
        } else if (node instanceof Scalar s && s.value().indexOf('\n') >= 0 && text(s) != null) {
            checkEmbeddedManifest(file, s, embeddingDepth, findings);
        }
    }

    /** Container env entries: {@code {name: API_TOKEN, value: "..."}}. */
    private static void checkEnvVar(String file, Mapping mapping, List<SecretFinding> findings) {
        String name = string(mapping, "name");
        if (name == null || !SecretValueHeuristics.isSecretKeyName(name)) {
            return;
        }
        for (Entry value : all(mapping, "value")) {
            Scalar s = text(value.value());
            if (s != null && SecretValueHeuristics.looksLikeSecretValue(s.value())) {
                findings.add(new SecretFinding(file, s.line(),
                        "credential-like value of variable '" + name + "'"));
            }
        }
    }

    /** A multi-line string that is itself YAML holding a Secret. */
    private static void checkEmbeddedManifest(String file, Scalar s, int embeddingDepth, List<SecretFinding> findings) {
        String text = s.value();
        if (embeddingDepth >= MAX_EMBEDDING_DEPTH || !EMBEDDED_SECRET_KIND.matcher(text).find()) {
            return;
        }
        List<YamlNode> embedded;
        try {
            embedded = READER.readAll(file, text);
        } catch (YamlReadException notYaml) {
            return;
        }
        List<SecretFinding> inner = new ArrayList<>();
        for (YamlNode document : embedded) {
            checkObject(file, document, false, inner);
            walk(file, document, embeddingDepth + 1, inner);
        }
        if (inner.stream().anyMatch(f -> f.what().startsWith(SECRET_OBJECT)
                || f.what().startsWith("Secret manifest embedded"))) {
            findings.add(new SecretFinding(file, s.line(), "Secret manifest embedded in a string value"));
        }
    }
}
