package dev.clusterspec.load.bundle;

import dev.clusterspec.yaml.Position;
import dev.clusterspec.yaml.YamlLimits;
import dev.clusterspec.yaml.YamlNode;
import dev.clusterspec.yaml.YamlNode.Entry;
import dev.clusterspec.yaml.YamlNode.Scalar;
import dev.clusterspec.yaml.YamlReadException;
import dev.clusterspec.yaml.YamlReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * Reads a secrets bundle written by clusterspec or by {@code talosctl gen secrets}.
 *
 * <p>Strict where talosctl is lenient: unknown and duplicate keys are errors (a typo must not
 * silently drop a secret), and every certificate and key is decoded, checked to belong together and
 * each CA checked to be a CA, so a broken bundle fails here and not on a booting node. All problems
 * are reported together as {@code file:line:col: message}; messages never contain secret values.
 */
public final class SecretsBundleReader {

    /** A bundle is about 8 KB; anything far bigger is not one. */
    static final int MAX_BYTES = 1 << 20;

    /** Duplicate keys are read, to be reported with the mapping's other problems. */
    private static final YamlLimits LIMITS = new YamlLimits(MAX_BYTES, 64, Long.MAX_VALUE, 10, false, false);

    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,31}");
    private static final Pattern BOOTSTRAP_TOKEN = Pattern.compile("[a-z0-9]{6}\\.[a-z0-9]{16}");

    private SecretsBundleReader() {
    }

    /**
     * Reads and checks {@code file}.
     *
     * @throws SecretsBundleFormatException listing every problem, if the content is not a usable bundle
     * @throws SecretsBundleException if the file cannot be read
     */
    public static SecretsBundle read(Path file) {
        return read(bytes(file), file.toString());
    }

    /**
     * Checks and parses a bundle's bytes (for example as decrypted in memory); {@code source} names
     * it in messages.
     *
     * @throws SecretsBundleFormatException listing every problem, if the content is not a usable bundle
     */
    public static SecretsBundle read(byte[] bytes, String source) {
        if (bytes.length > MAX_BYTES) {
            throw tooBig(source);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new SecretsBundleFormatException(List.of(new SecretsBundleProblem(source, 1, 1, "file is not UTF-8 text")));
        }
        return parse(text, source);
    }

    /**
     * The bytes of a bundle file, as they are on disk (an encrypted bundle is a little bigger than
     * the bundle, hence the margin).
     *
     * @throws SecretsBundleException if the file cannot be read
     */
    static byte[] bytes(Path file) {
        try {
            if (Files.size(file) > MAX_BYTES + 64 * 1024) {
                throw tooBig(file.toString());
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new SecretsBundleException("Secrets bundle " + file + " does not exist");
        } catch (IOException e) {
            throw new SecretsBundleException("Could not read secrets bundle " + file + ": " + e.getMessage(), e);
        }
    }

    private static SecretsBundleFormatException tooBig(String source) {
        return new SecretsBundleFormatException(List.of(new SecretsBundleProblem(source, 1, 1,
                "file is larger than " + MAX_BYTES + " bytes; a Talos secrets bundle is a few kilobytes")));
    }

    /**
     * Parses and checks bundle YAML; {@code source} names it in messages (usually the file path).
     *
     * @throws SecretsBundleFormatException listing every problem
     */
    public static SecretsBundle parse(String yaml, String source) {
        return new Parse(source).run(yaml);
    }

    /** One parse: the problems found so far and the walk over the YAML nodes. */
    private static final class Parse {

        private final String source;
        private final List<SecretsBundleProblem> problems = new ArrayList<>();

        Parse(String source) {
            this.source = source;
        }

        SecretsBundle run(String yaml) {
            YamlNode root = read(yaml);
            SecretsBundle bundle = root == null ? null : bundle(root);
            if (!problems.isEmpty()) {
                throw new SecretsBundleFormatException(problems);
            }
            return bundle;
        }

        private YamlNode read(String yaml) {
            try {
                YamlReader.Documents documents = new YamlReader(LIMITS).documents(source, yaml);
                if (!documents.hasNext()) {
                    problem(Position.START, "file is empty; expected a Talos secrets bundle (cluster, secrets, trustdinfo, certs)");
                    return null;
                }
                YamlNode first = documents.next();
                if (documents.hasNext()) {
                    problem(documents.next(), "more than one YAML document; a secrets bundle is a single document");
                    return null;
                }
                return first;
            } catch (YamlReadException e) {
                // the parser's own message would quote the offending source line, which may hold a secret: build our own
                String problem = e.problem() == null || e.problem().isBlank() ? "malformed YAML" : e.problem();
                String context = "";
                if (e.context() != null && !e.context().isBlank()) {
                    context = e.context() + e.contextPosition()
                            .filter(c -> !c.equals(e.position()))
                            .map(c -> " (which started at " + c.line() + ":" + c.column() + ")")
                            .orElse("") + ": ";
                }
                problem(e.position(), "invalid YAML: " + context + problem);
                return null;
            }
        }

        private SecretsBundle bundle(YamlNode root) {
            Mapping top = mapping(root, "", "cluster", "secrets", "trustdinfo", "certs");
            if (top == null) {
                return null;
            }
            SecretsBundle.Cluster cluster = cluster(top.mapping("cluster", "id", "secret"));
            SecretsBundle.Secrets secrets = secrets(top.mapping("secrets",
                    "bootstraptoken", "aescbcencryptionsecret", "secretboxencryptionsecret"));
            SecretsBundle.TrustdInfo trustd = trustd(top.mapping("trustdinfo", "token"));
            SecretsBundle.Certs certs = certs(top.mapping("certs", "etcd", "k8s", "k8saggregator", "k8sserviceaccount", "os"));
            if (cluster == null || secrets == null || trustd == null || certs == null) {
                return null;
            }
            return new SecretsBundle(cluster, secrets, trustd, certs);
        }

        private SecretsBundle.Cluster cluster(Mapping cluster) {
            if (cluster == null) {
                return null;
            }
            String id = cluster.text("id");
            String secret = cluster.text("secret");
            if (id != null && !isBase64(id, Base64.getUrlDecoder()) && !isBase64(id, Base64.getDecoder())) {
                problem(cluster.node("id"), "cluster.id is not base64");
                id = null;
            }
            if (secret != null && !isBase64(secret, Base64.getDecoder())) {
                problem(cluster.node("secret"), "cluster.secret is not base64");
                secret = null;
            }
            return id == null || secret == null ? null : new SecretsBundle.Cluster(id, secret);
        }

        private SecretsBundle.Secrets secrets(Mapping secrets) {
            if (secrets == null) {
                return null;
            }
            String token = secrets.text("bootstraptoken");
            if (token != null && !BOOTSTRAP_TOKEN.matcher(token).matches()) {
                problem(secrets.node("bootstraptoken"),
                        "secrets.bootstraptoken is not a bootstrap token of the form [a-z0-9]{6}.[a-z0-9]{16}");
                token = null;
            }
            boolean hasAescbc = secrets.has("aescbcencryptionsecret");
            boolean hasSecretbox = secrets.has("secretboxencryptionsecret");
            if (hasAescbc && hasSecretbox) {
                problem(secrets.keyNode("aescbcencryptionsecret"),
                        "secrets: only one of secretboxencryptionsecret and aescbcencryptionsecret is allowed");
                return null;
            }
            if (!hasAescbc && !hasSecretbox) {
                problem(secrets.node, "secrets: one of secretboxencryptionsecret and aescbcencryptionsecret is required");
                return null;
            }
            String aescbc = hasAescbc ? encryptionKey(secrets, "aescbcencryptionsecret", 16, 24, 32) : null;
            String secretbox = hasSecretbox ? encryptionKey(secrets, "secretboxencryptionsecret", 32) : null;
            if (token == null || (aescbc == null && secretbox == null)) {
                return null;
            }
            return new SecretsBundle.Secrets(token, aescbc, secretbox);
        }

        private String encryptionKey(Mapping secrets, String key, int... allowedLengths) {
            String value = secrets.text(key);
            if (value == null) {
                return null;
            }
            byte[] decoded;
            try {
                decoded = Base64.getDecoder().decode(value);
            } catch (IllegalArgumentException e) {
                problem(secrets.node(key), "secrets." + key + " is not base64");
                return null;
            }
            for (int length : allowedLengths) {
                if (decoded.length == length) {
                    return value;
                }
            }
            problem(secrets.node(key), "secrets." + key + " decodes to " + decoded.length + " bytes; expected "
                    + (allowedLengths.length == 1 ? allowedLengths[0] : "16, 24 or 32"));
            return null;
        }

        private SecretsBundle.TrustdInfo trustd(Mapping trustd) {
            if (trustd == null) {
                return null;
            }
            String token = trustd.text("token");
            return token == null ? null : new SecretsBundle.TrustdInfo(token);
        }

        private SecretsBundle.Certs certs(Mapping certs) {
            if (certs == null) {
                return null;
            }
            SecretsBundle.CertificateAndKey etcd = certificateAndKey(certs, "etcd");
            SecretsBundle.CertificateAndKey k8s = certificateAndKey(certs, "k8s");
            SecretsBundle.CertificateAndKey aggregator = certificateAndKey(certs, "k8saggregator");
            SecretsBundle.PrivateKeyPem serviceAccount = serviceAccountKey(certs.mapping("k8sserviceaccount", "key"));
            SecretsBundle.CertificateAndKey os = certificateAndKey(certs, "os");
            if (etcd == null || k8s == null || aggregator == null || serviceAccount == null || os == null) {
                return null;
            }
            return new SecretsBundle.Certs(etcd, k8s, aggregator, serviceAccount, os);
        }

        private SecretsBundle.CertificateAndKey certificateAndKey(Mapping certs, String name) {
            Mapping entry = certs.mapping(name, "crt", "key");
            if (entry == null) {
                return null;
            }
            String path = "certs." + name;
            String certificatePem = entry.pem("crt", path + ".crt");
            String keyPem = entry.pem("key", path + ".key");
            if (certificatePem == null || keyPem == null) {
                return null;
            }
            X509CertificateHolder certificate;
            PrivateKeyMaterial key;
            try {
                certificate = Certificates.fromPem(certificatePem);
            } catch (KeyMaterialException e) {
                problem(entry.node("crt"), path + ".crt " + e.getMessage());
                return null;
            }
            try {
                key = PrivateKeyMaterial.fromPem(keyPem);
            } catch (KeyMaterialException e) {
                problem(entry.node("key"), path + ".key " + e.getMessage());
                return null;
            }
            boolean valid = true;
            BasicConstraints constraints = BasicConstraints.fromExtensions(certificate.getExtensions());
            if (constraints == null || !constraints.isCA()) {
                problem(entry.node("crt"), path + ".crt is not a CA certificate (basic constraints CA:TRUE missing)");
                valid = false;
            }
            if (!key.matches(certificate.getSubjectPublicKeyInfo())) {
                problem(entry.node("key"), path + ".key (" + key.description() + ") is not the key of " + path + ".crt");
                valid = false;
            }
            return valid ? new SecretsBundle.CertificateAndKey(certificatePem, keyPem) : null;
        }

        private SecretsBundle.PrivateKeyPem serviceAccountKey(Mapping entry) {
            if (entry == null) {
                return null;
            }
            String keyPem = entry.pem("key", "certs.k8sserviceaccount.key");
            if (keyPem == null) {
                return null;
            }
            try {
                PrivateKeyMaterial key = PrivateKeyMaterial.fromPem(keyPem);
                if (key.algorithm() == PrivateKeyMaterial.Algorithm.ED25519) {
                    // kube-apiserver signs service-account tokens with RSA or ECDSA only
                    problem(entry.node("key"), "certs.k8sserviceaccount.key is an Ed25519 key; Kubernetes needs RSA or ECDSA");
                    return null;
                }
            } catch (KeyMaterialException e) {
                problem(entry.node("key"), "certs.k8sserviceaccount.key " + e.getMessage());
                return null;
            }
            return new SecretsBundle.PrivateKeyPem(keyPem);
        }

        private Mapping mapping(YamlNode node, String path, String... allowedKeys) {
            String name = path.isEmpty() ? "the document" : path;
            if (!(node instanceof YamlNode.Mapping mapping)) {
                problem(node, name + " must be a mapping with keys " + String.join(", ", allowedKeys));
                return null;
            }
            Map<String, Entry> entries = new LinkedHashMap<>();
            for (Entry entry : mapping.entries()) {
                String key = entry.key().value();
                if (!List.of(allowedKeys).contains(key)) {
                    problem(entry.key(), "unknown key " + displayKey(key) + " in " + name
                            + " (expected " + String.join(", ", allowedKeys) + ")");
                } else if (entries.containsKey(key)) {
                    problem(entry.key(), "duplicate key '" + key + "' in " + name);
                } else {
                    entries.put(key, entry);
                }
            }
            return new Mapping(node, path, entries);
        }

        /** The keys of one mapping, with accessors that report what is missing or malformed. */
        private final class Mapping {
            final YamlNode node;
            final String path;
            final Map<String, Entry> entries;

            Mapping(YamlNode node, String path, Map<String, Entry> entries) {
                this.node = node;
                this.path = path;
                this.entries = entries;
            }

            boolean has(String key) {
                return entries.containsKey(key);
            }

            /** The value under the key; an alias is the node its anchor marks. */
            YamlNode node(String key) {
                return entries.get(key).value().resolved();
            }

            YamlNode keyNode(String key) {
                return entries.get(key).key();
            }

            private String field(String key) {
                return path.isEmpty() ? key : path + "." + key;
            }

            private YamlNode required(String key) {
                if (!entries.containsKey(key)) {
                    problem(node, (path.isEmpty() ? "the document" : path) + " is missing required key '" + key + "'");
                    return null;
                }
                return node(key);
            }

            Mapping mapping(String key, String... allowedKeys) {
                YamlNode value = required(key);
                return value == null ? null : Parse.this.mapping(value, field(key), allowedKeys);
            }

            String text(String key) {
                YamlNode value = required(key);
                if (value == null) {
                    return null;
                }
                if (!(value instanceof Scalar scalar)) {
                    problem(value, field(key) + " must be a single value, not a list or mapping");
                    return null;
                }
                if (Scalar.NULL.equals(scalar.resolvedTag()) || scalar.value().isBlank()) {
                    problem(value, field(key) + " has no value");
                    return null;
                }
                return scalar.value();
            }

            /** A base64-of-PEM field decoded to its PEM text. */
            String pem(String key, String fieldName) {
                String value = text(key);
                if (value == null) {
                    return null;
                }
                try {
                    return Pem.fromBase64(value);
                } catch (KeyMaterialException e) {
                    problem(node(key), fieldName + " " + e.getMessage() + " (expected base64 of PEM text)");
                    return null;
                }
            }
        }

        /** A key as it may appear in a message: a pasted secret in key position is not repeated. */
        private static String displayKey(String key) {
            return FIELD_NAME.matcher(key).matches() ? "'" + key + "'" : "(not shown: it does not look like a field name)";
        }

        private static boolean isBase64(String value, Base64.Decoder decoder) {
            try {
                decoder.decode(value);
                return true;
            } catch (IllegalArgumentException e) {
                return false;
            }
        }

        private void problem(YamlNode node, String message) {
            problem(node.position(), message);
        }

        private void problem(Position at, String message) {
            problem(at.line(), at.column(), message);
        }

        private void problem(int line, int column, String message) {
            problems.add(new SecretsBundleProblem(source, line, column, message));
        }
    }
}
