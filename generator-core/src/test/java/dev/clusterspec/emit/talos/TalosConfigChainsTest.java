package dev.clusterspec.emit.talos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterspec.emit.OutputFile;
import dev.clusterspec.yaml.Yaml;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Decodes the generated configs and talosconfig and checks the key material: every CA a control plane
 * carries has its matching key, workers carry CA certificates only (no private key anywhere in their
 * configs), all nodes trust the same CAs, and the talosconfig client certificate is an os:admin
 * certificate issued by the Talos API CA the nodes trust.
 */
class TalosConfigChainsTest {

    private static Map<String, OutputFile> outputs;

    @BeforeAll
    static void emit() {
        outputs = TalosFixtures.emitByPath(TalosFixtures.example("oci-free-tier"));
    }

    @Test
    void controlPlanesHoldEveryCaWithItsKey() throws Exception {
        for (String node : List.of("cp-1", "cp-2", "cp-3")) {
            JsonNode config = v1alpha1(node);
            for (String path : List.of("machine.ca", "cluster.ca", "cluster.aggregatorCA", "cluster.etcd.ca")) {
                JsonNode ca = at(config, path);
                X509CertificateHolder certificate = certificate(ca.get("crt").asString());
                assertThat(BasicConstraints.fromExtensions(certificate.getExtensions()).isCA()).as("%s %s is a CA", node, path).isTrue();
                assertThat(signedBy(certificate, certificate)).as("%s %s is self-signed", node, path).isTrue();
                assertThat(keyMatches(privateKey(ca.get("key").asString()), certificate)).as("%s %s key matches", node, path).isTrue();
            }
            assertThat(pem(at(config, "cluster.serviceAccount").get("key").asString())).contains("PRIVATE KEY");
            assertThat(publicKey(certificate(at(config, "machine.ca").get("crt").asString())).getAlgorithm())
                    .as("Talos API CA").isIn("Ed25519", "EdDSA");
        }
    }

    @Test
    void workersHoldCertificatesOnlyAndNoPrivateKeyAnywhere() {
        JsonNode controlPlane = v1alpha1("cp-1");
        for (String node : List.of("w-1", "w-2", "w-3")) {
            JsonNode config = v1alpha1(node);
            assertThat(at(config, "machine.ca").get("key").asString()).isEmpty();
            assertThat(at(config, "cluster.ca").get("key").asString()).isEmpty();
            assertThat(at(config, "machine.ca").get("crt")).isEqualTo(at(controlPlane, "machine.ca").get("crt"));
            assertThat(at(config, "cluster.ca").get("crt")).isEqualTo(at(controlPlane, "cluster.ca").get("crt"));
            assertThat(config.get("cluster").propertyNames()).doesNotContain("aggregatorCA", "serviceAccount", "etcd", "apiServer",
                    "controllerManager", "scheduler", "proxy", "secretboxEncryptionSecret", "aescbcEncryptionSecret",
                    "inlineManifests", "extraManifests", "extraManifestHeaders");
            List<String> secrets = new ArrayList<>();
            for (JsonNode document : Yaml.readAll(outputs.get("talos/" + node + ".yaml").text())) {
                collectKeyMaterial(node, document, secrets);
            }
            assertThat(secrets).as("private keys in %s", node).isEmpty();
        }
    }

    @Test
    void allNodesShareOneIdentityAndTrust() {
        JsonNode reference = v1alpha1("cp-1");
        for (String node : List.of("cp-2", "cp-3", "w-1", "w-2", "w-3")) {
            JsonNode config = v1alpha1(node);
            for (String path : List.of("machine.token", "cluster.id", "cluster.secret", "cluster.token", "cluster.controlPlane.endpoint")) {
                assertThat(at(config, path)).as("%s %s", node, path).isEqualTo(at(reference, path));
            }
        }
    }

    @Test
    void talosconfigCarriesAnAdminCertificateOfTheTalosApiCa() throws Exception {
        JsonNode talosconfig = Yaml.readAll(outputs.get("talos/talosconfig").text()).get(0);
        assertThat(talosconfig.get("context").asString()).isEqualTo("oci-home");
        JsonNode context = talosconfig.get("contexts").get("oci-home");
        assertThat(context.get("endpoints")).extracting(JsonNode::asString).containsExactly("10.0.0.11", "10.0.0.12", "10.0.0.13");
        assertThat(context.has("nodes")).as("no default target nodes").isFalse();

        String osCa = at(v1alpha1("cp-1"), "machine.ca").get("crt").asString();
        assertThat(context.get("ca").asString()).isEqualTo(osCa);
        X509CertificateHolder ca = certificate(osCa);
        X509CertificateHolder client = certificate(context.get("crt").asString());
        assertThat(signedBy(client, ca)).as("signed by the Talos API CA").isTrue();
        assertThat(client.getIssuer()).isEqualTo(ca.getSubject());
        assertThat(client.getSubject().toString()).isEqualTo("O=os:admin");
        ExtendedKeyUsage usage = ExtendedKeyUsage.fromExtensions(client.getExtensions());
        assertThat(usage.getUsages()).containsExactly(KeyPurposeId.id_kp_clientAuth);
        BasicConstraints constraints = BasicConstraints.fromExtensions(client.getExtensions());
        assertThat(constraints == null || !constraints.isCA()).as("not a CA").isTrue();
        assertThat(client.isValidOn(java.util.Date.from(TalosFixtures.CLOCK.instant()))).isTrue();
        assertThat(keyMatches(privateKey(context.get("key").asString()), client)).isTrue();
    }

    private static void collectKeyMaterial(String node, JsonNode node0, List<String> found) {
        if (node0.isString()) {
            String text = node0.asString();
            if (text.contains("PRIVATE KEY") || decodesToPrivateKey(text)) {
                found.add(node + ": " + text.substring(0, Math.min(40, text.length())));
            }
        }
        node0.forEach(child -> collectKeyMaterial(node, child, found));
    }

    private static boolean decodesToPrivateKey(String text) {
        try {
            return new String(Base64.getDecoder().decode(text), StandardCharsets.US_ASCII).contains("PRIVATE KEY");
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }

    private static JsonNode v1alpha1(String node) {
        return Yaml.readAll(outputs.get("talos/" + node + ".yaml").text()).get(0);
    }

    private static JsonNode at(JsonNode root, String dotted) {
        JsonNode node = root;
        for (String part : dotted.split("\\.")) {
            node = node.get(part);
            assertThat(node).as(dotted).isNotNull();
        }
        return node;
    }

    private static String pem(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.US_ASCII);
    }

    /**
     * Parsed with BouncyCastle, told to accept an empty issuer: Talos leaves the aggregator CA's
     * subject (and so its issuer) empty, which RFC 5280 forbids and the JDK refuses outright.
     */
    private static X509CertificateHolder certificate(String base64) throws Exception {
        String body = pem(base64).replaceAll("-----[A-Z0-9 ]+-----", "").replaceAll("\\s", "");
        org.bouncycastle.util.Properties.setThreadOverride(org.bouncycastle.util.Properties.X509_ALLOW_EMPTY_ISSUER_CERT, true);
        try {
            return new X509CertificateHolder(Base64.getDecoder().decode(body));
        } finally {
            org.bouncycastle.util.Properties.removeThreadOverride(org.bouncycastle.util.Properties.X509_ALLOW_EMPTY_ISSUER_CERT);
        }
    }

    private static PublicKey publicKey(X509CertificateHolder certificate) throws Exception {
        return new JcaPEMKeyConverter().getPublicKey(certificate.getSubjectPublicKeyInfo());
    }

    private static boolean signedBy(X509CertificateHolder certificate, X509CertificateHolder issuer) throws Exception {
        return certificate.isSignatureValid(new JcaContentVerifierProviderBuilder().build(publicKey(issuer)));
    }

    /** Reads Talos's key PEMs: "ED25519 PRIVATE KEY" (PKCS#8 under a Talos-specific label) and "EC PRIVATE KEY". */
    private static PrivateKey privateKey(String base64) throws Exception {
        String pem = pem(base64);
        if (pem.contains("BEGIN ED25519 PRIVATE KEY")) {
            String body = pem.replaceAll("-----[A-Z0-9 ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
        }
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object parsed = parser.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            return parsed instanceof PEMKeyPair pair ? converter.getKeyPair(pair).getPrivate()
                    : converter.getPrivateKey((org.bouncycastle.asn1.pkcs.PrivateKeyInfo) parsed);
        }
    }

    /** Signs with the key and verifies with the certificate: true only for the certificate's own key. */
    private static boolean keyMatches(PrivateKey key, X509CertificateHolder certificate) throws Exception {
        String algorithm = key.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "Ed25519";
        byte[] message = "clusterspec key check".getBytes(StandardCharsets.US_ASCII);
        Signature signer = Signature.getInstance(algorithm);
        signer.initSign(key);
        signer.update(message);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance(algorithm);
        verifier.initVerify(publicKey(certificate));
        verifier.update(message);
        return verifier.verify(signature);
    }
}
