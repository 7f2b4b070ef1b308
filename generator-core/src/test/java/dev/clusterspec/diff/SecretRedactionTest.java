package dev.clusterspec.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterspec.yaml.Yaml;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Made-up values only. */
class SecretRedactionTest {

    private static JsonNode yaml(String text) {
        return Yaml.readAll(text).get(0);
    }

    private static String redacted(String yaml, boolean secretFile) {
        return Yaml.write(SecretRedaction.document(yaml(yaml), secretFile));
    }

    @Test
    void theTokenIsTheFirstEightHexDigitsOfTheSha256() {
        // sha256("abc") = ba7816bf...
        assertThat(SecretRedaction.token("abc")).isEqualTo("<redacted sha256:ba7816bf>");
    }

    @Test
    void plainPemPrivateKeysInTextAreReplacedAndCertificatesKept() {
        String text = """
                # a host file
                -----BEGIN CERTIFICATE-----
                FAKECERT
                -----END CERTIFICATE-----
                -----BEGIN OPENSSH PRIVATE KEY-----
                FAKEKEYMATERIAL
                -----END OPENSSH PRIVATE KEY-----
                after the key
                """;
        String out = SecretRedaction.text(text);
        assertThat(out).contains("FAKECERT").contains("after the key").doesNotContain("FAKEKEYMATERIAL")
                .doesNotContain("PRIVATE KEY").contains("<redacted sha256:");
    }

    @Test
    void base64PemPrivateKeysAreReplacedWhereverTheyAre() {
        String key = Base64.getEncoder().encodeToString(
                "-----BEGIN PRIVATE KEY-----\nFAKEKEY\n-----END PRIVATE KEY-----\n".getBytes(StandardCharsets.UTF_8));
        String cert = Base64.getEncoder().encodeToString(
                "-----BEGIN CERTIFICATE-----\nFAKECERT\n-----END CERTIFICATE-----\n".getBytes(StandardCharsets.UTF_8));
        String json = "{\"someField\": \"" + key + "\", \"ca\": \"" + cert + "\"}\n";
        assertThat(SecretRedaction.text(json)).doesNotContain(key).contains(cert)
                .contains("\"someField\": \"" + SecretRedaction.token(key) + "\"");
        // in a document of a file that is not secret, under a key that does not sound secret
        assertThat(redacted("config:\n  blob: " + key + "\n  ca: " + cert + "\n", false))
                .doesNotContain(key).contains(cert);
    }

    @Test
    void passwordsInUrlsAreReplaced() {
        assertThat(SecretRedaction.text("proxy: http://user:fake-pass-123@proxy.invalid:3128\n"))
                .isEqualTo("proxy: http://user:" + SecretRedaction.token("fake-pass-123") + "@proxy.invalid:3128\n");
    }

    @Test
    void secretSoundingKeysAreRedactedOnlyInSecretFiles() {
        String doc = """
                auth:
                  username: someone
                  password: fake-password-1
                  identityToken: fake-identity-token
                apiKey: fake-api-key
                publicKey: visible-public-key
                tokens:
                  - fake-list-token
                keyless: visible
                empty: ""
                token: ""
                secret: null
                """;
        String secret = redacted(doc, true);
        assertThat(secret).doesNotContain("fake-").contains("username: someone").contains("visible-public-key")
                .contains("keyless: visible").contains("token: \"\"").contains("secret: null");
        assertThat(redacted(doc, false)).contains("fake-password-1").contains("fake-api-key");
    }

    @Test
    void talosSecretPathsAreRedactedWhateverTheirValueLooksLike() {
        String doc = """
                version: v1alpha1
                machine:
                  token: short
                cluster:
                  secret: 12345
                  extraManifestHeaders:
                    X-Custom: plain words here
                  id: visible-id
                """;
        String out = redacted(doc, true);
        assertThat(out).doesNotContain("short").doesNotContain("12345").doesNotContain("plain words here")
                .contains("X-Custom: <redacted sha256:").contains("id: visible-id");
        assertThat(SecretRedaction.TALOS_SECRET_PATHS).contains("machine.ca.key", "cluster.aescbcEncryptionSecret");
    }

    @Test
    void embeddedManifestsKeepTheirOtherDocumentsReadable() {
        String doc = """
                cluster:
                  inlineManifests:
                    - name: mixed
                      contents: |
                        apiVersion: v1
                        kind: Secret
                        metadata:
                          name: s
                        data:
                          value: ZmFrZS1zZWNyZXQ=
                        ---
                        apiVersion: v1
                        kind: ConfigMap
                        metadata:
                          name: c
                        data:
                          value: visible-value
                    - name: plain
                      contents: |
                        # a comment that survives because nothing here is secret
                        apiVersion: v1
                        kind: ConfigMap
                        metadata:
                          name: d
                """;
        String out = redacted(doc, true);
        assertThat(out).doesNotContain("ZmFrZS1zZWNyZXQ=").contains("visible-value")
                .contains("# a comment that survives because nothing here is secret");
    }

    @Test
    void anEmbeddedSecretThatIsNotYamlIsHiddenWhole() {
        String doc = "cluster:\n  inlineManifests:\n    - name: x\n      contents: |\n        kind: Secret\n"
                + "        data: [fake-unclosed\n";
        assertThat(redacted(doc, true)).doesNotContain("fake-unclosed").contains("contents: <redacted sha256:");
    }

    @Test
    void theInputTreeIsNotChanged() {
        JsonNode doc = yaml("machine:\n  token: fake-token-value\n");
        SecretRedaction.document(doc, true);
        assertThat(doc.path("machine").path("token").stringValue()).isEqualTo("fake-token-value");
    }
}
