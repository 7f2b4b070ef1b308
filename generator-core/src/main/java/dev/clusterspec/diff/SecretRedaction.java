package dev.clusterspec.diff;

import dev.clusterspec.yaml.Yaml;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Replaces secret values by {@code <redacted sha256:XXXXXXXX>} (the first 8 hex digits of the
 * value's SHA-256) before anything is compared for display or printed: a changed secret still shows
 * as a change, an unchanged one as equal, and the value itself never reaches a terminal or a CI log.
 *
 * <p>What counts as secret, in layers:
 * <ul>
 *   <li>everywhere: PEM private keys (plain or base64-encoded, as Talos and kubeconfig-style files
 *       carry them), passwords in URLs, and the {@code data}/{@code stringData} values of
 *       {@code kind: Secret} objects, also inside manifests embedded in strings (Talos
 *       {@code inlineManifests[*].contents});</li>
 *   <li>in secret files (Talos configs, talosconfig): the Talos v1alpha1 secret fields by path
 *       ({@link #TALOS_SECRET_PATHS}), every {@code cluster.extraManifestHeaders} value, and any
 *       scalar under a secret-sounding key ({@code key}, {@code token}, {@code password}, ...), so
 *       that a field Talos adds later is hidden without a code change.</li>
 * </ul>
 */
final class SecretRedaction {

    /** The secret fields of a Talos v1alpha1 machine config, as dotted paths from the document root. */
    static final Set<String> TALOS_SECRET_PATHS = Set.of(
            "machine.token", "machine.ca.key",
            "cluster.secret", "cluster.token", "cluster.ca.key", "cluster.etcd.ca.key", "cluster.aggregatorCA.key",
            "cluster.serviceAccount.key", "cluster.secretboxEncryptionSecret", "cluster.aescbcEncryptionSecret");
    private static final String HEADERS_PATH = "cluster.extraManifestHeaders";

    private static final Pattern SECRET_KEY =
            Pattern.compile("(?i)(?!public)(?:.*(?:key|token|secret|password|passwd|passphrase|credential)s?|auth)");
    private static final Pattern PEM_PRIVATE_KEY = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY((?: BLOCK)?)-----(?:.*?-----END \\1PRIVATE KEY\\2-----|.*)", Pattern.DOTALL);
    /** "-----BEGIN" in base64, then the rest of the base64 value. */
    private static final Pattern BASE64_PEM = Pattern.compile("LS0tLS1CRUdJTi[A-Za-z0-9+/=]*");
    private static final Pattern URL_PASSWORD = Pattern.compile("\\b([a-zA-Z][a-zA-Z0-9+.-]*://[^/\\s:@'\"]+:)([^/\\s@'\"]+)@");
    private static final Pattern EMBEDDED_SECRET_KIND =
            Pattern.compile("(?m)^\\s*(?:-\\s+)?[\"']?kind[\"']?\\s*:\\s*[\"']?Secret[\"']?\\s*(?:#.*)?$");
    private static final int MAX_EMBEDDING_DEPTH = 2;

    private SecretRedaction() {}

    /** {@code <redacted sha256:1a2b3c4d>}. */
    static String token(String value) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return "<redacted sha256:" + HexFormat.of().formatHex(hash, 0, 4) + ">";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** A redacted copy of one YAML document; the argument is not changed. */
    static JsonNode document(JsonNode document, boolean secretFile) {
        return new Walk(secretFile, isSecretObject(document), 0).node(document, new ArrayList<>(), null);
    }

    /** Text with private keys (plain and base64 PEM) and URL passwords replaced by tokens. */
    static String text(String text) {
        String out = replace(PEM_PRIVATE_KEY.matcher(text), m -> token(m.group()));
        out = replace(BASE64_PEM.matcher(out), m -> isBase64PrivateKey(m.group()) ? token(m.group()) : m.group());
        return replace(URL_PASSWORD.matcher(out), m -> m.group(1) + token(m.group(2)) + "@");
    }

    private static String replace(Matcher matcher, java.util.function.Function<Matcher, String> replacement) {
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement.apply(matcher)));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static boolean isBase64PrivateKey(String encoded) {
        // the PEM header fits in the first 80 base64 characters; decode only whole quads
        int length = Math.min(encoded.length(), 80) / 4 * 4;
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded.substring(0, length)), StandardCharsets.ISO_8859_1);
            int headerEnd = decoded.indexOf("-----", "-----BEGIN".length());
            return (headerEnd < 0 ? decoded : decoded.substring(0, headerEnd)).contains("PRIVATE KEY");
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }

    static boolean isSecretObject(JsonNode document) {
        return document.isObject() && "Secret".equals(document.path("kind").asString(""))
                && "v1".equals(document.path("apiVersion").asString(""));
    }

    private static boolean isSecretKey(String key) {
        return key != null && SECRET_KEY.matcher(key).matches();
    }

    /** One pass over a document; {@code depth} counts manifests embedded in strings. */
    private record Walk(boolean secretFile, boolean secretObject, int depth) {

        JsonNode node(JsonNode node, List<String> path, String key) {
            if (node.isObject()) {
                ObjectNode out = JsonNodeFactory.instance.objectNode();
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    path.add(field.getKey());
                    JsonNode value = field.getValue();
                    out.set(field.getKey(), hidesWhole(path, value) ? redacted(value) : node(value, path, field.getKey()));
                    path.remove(path.size() - 1);
                }
                return out;
            }
            if (node.isArray()) {
                ArrayNode out = JsonNodeFactory.instance.arrayNode();
                path.add("[]");
                for (JsonNode item : node) {
                    // a list of scalars under a secret-sounding key is a list of secrets
                    boolean secretItem = secretFile && !item.isContainer() && isSecretKey(key);
                    out.add(secretItem ? redacted(item) : node(item, path, key));
                }
                path.remove(path.size() - 1);
                return out;
            }
            if (node.isString()) {
                return JsonNodeFactory.instance.stringNode(string(node.stringValue()));
            }
            return node;
        }

        private boolean hidesWhole(List<String> path, JsonNode value) {
            if (secretObject && path.size() == 2 && (path.get(0).equals("data") || path.get(0).equals("stringData"))) {
                return true;
            }
            if (!secretFile) {
                return false;
            }
            String dotted = String.join(".", path);
            if (TALOS_SECRET_PATHS.contains(dotted) || (path.size() == 3 && dotted.startsWith(HEADERS_PATH + "."))) {
                return true;
            }
            return !value.isContainer() && isSecretKey(path.get(path.size() - 1));
        }

        /** Null and empty stay visible: a secret that is not set is not a secret. */
        private static JsonNode redacted(JsonNode value) {
            if (value.isNull() || (value.isString() && value.stringValue().isEmpty())) {
                return value;
            }
            return JsonNodeFactory.instance.stringNode(token(value.isString() ? value.stringValue() : value.toString()));
        }

        private String string(String value) {
            if (EMBEDDED_SECRET_KIND.matcher(value).find()) {
                return embeddedManifests(value);
            }
            return text(value);
        }

        /**
         * A string holding manifests with a Secret among them: its documents are redacted like any
         * other and written back; what cannot be read as YAML is hidden whole.
         */
        private String embeddedManifests(String value) {
            if (depth >= MAX_EMBEDDING_DEPTH) {
                return token(value);
            }
            List<JsonNode> documents;
            try {
                documents = Yaml.readAll(value);
            } catch (RuntimeException notYaml) {
                return token(value);
            }
            List<JsonNode> redacted = new ArrayList<>();
            for (JsonNode document : documents) {
                redacted.add(new Walk(false, isSecretObject(document), depth + 1).node(document, new ArrayList<>(), null));
            }
            return redacted.equals(documents) ? value : Yaml.writeAll(redacted);
        }
    }
}
