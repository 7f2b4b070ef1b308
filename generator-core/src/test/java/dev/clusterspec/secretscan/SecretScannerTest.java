package dev.clusterspec.secretscan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.clusterspec.secretscan.SecretScanner;
import dev.clusterspec.secretscan.SecretFinding;
import dev.clusterspec.secretscan.TextSecretPatterns;
import dev.clusterspec.secretscan.YamlSecretWalker;

class SecretScannerTest {

    private final SecretScanner scanner = new SecretScanner();

    // Token-shaped test values are assembled at run time so that no scanner (ours or a forge's)
    // mistakes this source file for a leak.
    private static final String GITHUB_CLASSIC = "gh" + "p_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";
    private static final String GITHUB_FINE_GRAINED = "github" + "_pat_" + "11ABCDEFG0123456789abc_"
            + "defghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdefgh";
    private static final String GITHUB_OAUTH = "gh" + "o_" + "Z9y8X7w6V5u4T3s2R1q0P9o8N7m6L5k4J3i2";
    private static final String TAILSCALE = "tskey" + "-auth-" + "kT3stN0d3CNTRL" + "-" + "Q9wErTyUiOpAsDfGhJkLzXcVbNm1234567";
    private static final String TAILSCALE_CLIENT = "tskey" + "-client-" + "k4b5c6d7e8CNTRL" + "-" + "r9s8t7u6v5w4x3y2z1a0b9c8d7e6f5g4";
    private static final String AGE_IDENTITY = "AGE-" + "SECRET-KEY-1" + "QYZ3XE4KTNWP9GV7HDF2LM8CJ5RSA0U6QYZ3XE4KTNWP9GV7HDF2LM8CJ5";
    private static final String AWS = "AK" + "IA" + "Z3X5C7V9B1N3M5Q7";
    private static final String GRAFANA = "gl" + "c_" + "eyJvIjoiMTIzNDU2IiwibiI6InN0YWNrLTk4NzY1NC1obS1yZWFkIiwiayI6IjBhYjFjMmQz";
    private static final String SLACK = "xo" + "xb-" + "123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx";
    private static final String JWT = "ey" + "JhbGciOiJSUzI1NiIsImtpZCI6IjEyMyJ9" + ".ey" + "JzdWIiOiJzeXN0ZW06c2VydmljZWFjY291bnQifQ"
            + "." + "c2lnbmF0dXJlLWJ5dGVzLWFyZS1oZXJl";
    private static final String PEM_KEY = "-----BEGIN " + "EC PRIVATE KEY-----\n"
            + "MHcCAQEEIBkg4LVWM9nuwNSk3yByxZpYRTBnVJk5oE0Ix3vqbWtvoAoGCCqGSM49\n"
            + "-----END EC PRIVATE KEY-----\n";

    private List<SecretFinding> scan(String file, String content) {
        return scanner.scanFile(file, content.getBytes(StandardCharsets.UTF_8));
    }

    private static String indent(String text, String prefix) {
        return text.lines().map(l -> prefix + l).reduce((a, b) -> a + "\n" + b).orElse("") + "\n";
    }

    @Test
    void findsSecretObjectInMultiDocumentYamlWithItsLine() {
        String yaml = """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: a}
                ---
                apiVersion: v1
                kind: Secret
                metadata: {name: b}
                stringData: {x: y}
                ---
                apiVersion: v1
                kind: Namespace
                metadata: {name: c}
                """;
        assertThat(scan("ns/all.yaml", yaml)).extracting(SecretFinding::toString)
                .containsExactly("ns/all.yaml:6: Kubernetes Secret object (kind: Secret)");
    }

    @Test
    void findsSecretInsideAListKindAndInJson() {
        String list = """
                apiVersion: v1
                kind: List
                items:
                  - apiVersion: v1
                    kind: ConfigMap
                    metadata: {name: a}
                  - apiVersion: v1
                    kind: Secret
                    metadata: {name: b}
                """;
        assertThat(scan("list.yaml", list)).extracting(SecretFinding::line, SecretFinding::what)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(8,
                        "Kubernetes Secret object (kind: Secret) in the items of a List"));

        String json = "{\n  \"apiVersion\": \"v1\",\n  \"kind\": \"Secret\",\n  \"metadata\": {\"name\": \"b\"}\n}\n";
        assertThat(scan("s.json", json)).extracting(SecretFinding::line).containsExactly(3);
    }

    @Test
    void secretReferencesAreNotSecrets() {
        // a Flux-style reference and a SecretStore kind: only the object's own top-level kind counts
        String yaml = """
                apiVersion: helm.toolkit.fluxcd.io/v2
                kind: HelmRelease
                metadata: {name: app}
                spec:
                  valuesFrom:
                    - kind: Secret
                      name: app-values
                  secretStoreRef: {kind: SecretStore, name: vault}
                ---
                apiVersion: bitnami.com/v1alpha1
                kind: SealedSecret
                metadata: {name: sealed}
                """;
        assertThat(scan("flux.yaml", yaml)).isEmpty();
    }

    @Test
    void unparseableFileWithTextualSecretKindIsCaught() {
        String broken = """
                apiVersion: v1
                kind: Secret
                metadata:
                  name: broken
                 bad-indent: [
                """;
        assertThat(scan("broken.yaml", broken)).extracting(SecretFinding::toString)
                .containsExactly("broken.yaml:2: 'kind: Secret' line (the file is not valid YAML)");
        assertThat(scan("notes.txt", "kind: Secret\n")).hasSize(1);
    }

    @Test
    void secretManifestEmbeddedInAStringValueIsCaught() {
        String yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: inline}\ndata:\n  manifest.yaml: |\n"
                + indent("apiVersion: v1\nkind: Secret\nmetadata: {name: hidden}\nstringData: {a: b}", "    ");
        assertThat(scan("inline.yaml", yaml)).extracting(SecretFinding::what)
                .containsExactly("Secret manifest embedded in a string value");
    }

    @Test
    void anAliasStandsForItsAnchorsValueAndRepeatedKeysAreAllLookedAt() {
        String aliased = "defaults: &pw " + "hunter2" + "Hunter2Xyz9\nauth:\n  password: *pw\n";
        assertThat(scan("aliased.yaml", aliased)).extracting(SecretFinding::toString)
                .containsExactly("aliased.yaml:1: credential-like value under key 'password'");
        String repeated = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\nkind: Secret\n";
        assertThat(scan("repeated.yaml", repeated)).extracting(SecretFinding::toString)
                .containsExactly("repeated.yaml:4: Kubernetes Secret object (kind: Secret)");
    }

    @Test
    void pemPrivateKeysAreFoundPlainAndBase64EncodedButCertificatesAreNot() {
        String plain = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: k}\ndata:\n  key.pem: |\n"
                + indent(PEM_KEY, "    ");
        assertThat(scan("plain.yaml", plain)).extracting(SecretFinding::toString)
                .containsExactly("plain.yaml:6: PEM private key");

        String encoded = Base64.getEncoder().encodeToString(
                ("-----BEGIN " + "RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA2Nkev\n").getBytes(StandardCharsets.US_ASCII));
        assertThat(scan("kubeconfig", "users:\n- user:\n    client-key-data: " + encoded + "\n"))
                .extracting(SecretFinding::line, SecretFinding::what)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3, "base64-encoded PEM private key"));

        String certificate = Base64.getEncoder().encodeToString(
                "-----BEGIN CERTIFICATE-----\nMIIBdzCCAR2gAwIBAgIQ\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(scan("ca.yaml", "data:\n  ca.crt: " + certificate + "\n")).isEmpty();
        assertThat(scan("id_ed25519", "-----BEGIN " + "OPENSSH PRIVATE KEY-----\nb3BlbnNzaA==\n")).hasSize(1);
    }

    @Test
    void vendorTokensAreFoundWhereverTheyAre() {
        Map<String, String> expected = Map.of(
                GITHUB_CLASSIC, "GitHub token",
                GITHUB_FINE_GRAINED, "GitHub token",
                GITHUB_OAUTH, "GitHub token",
                TAILSCALE, "Tailscale key (tskey-...)",
                TAILSCALE_CLIENT, "Tailscale key (tskey-...)",
                AWS, "AWS access key id",
                GRAFANA, "Grafana token",
                SLACK, "Slack token",
                JWT, "JSON Web Token",
                AGE_IDENTITY, "age identity (AGE-SECRET-KEY-1...)");
        expected.forEach((token, what) -> {
            String yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: t}\ndata:\n  note: \"use " + token + " here\"\n";
            assertThat(scan("cm.yaml", yaml)).as(what).extracting(SecretFinding::toString)
                    .containsExactly("cm.yaml:5: " + what);
            assertThat(scan("script.sh", "export X=" + token + "\n")).as(what + " in text")
                    .extracting(SecretFinding::what).containsExactly(what);
        });
    }

    /** Tokens are found on the first line, the last line without a newline, CRLF lines, and twice on one line. */
    @Test
    void tokensAreFoundOnEveryLineShape() {
        String text = GITHUB_CLASSIC + "\r\n" + "filler line\n".repeat(1000) + "a: " + AWS + " and " + SLACK + "\r\n"
                + "filler\n" + "b: " + GITHUB_CLASSIC + " " + GITHUB_CLASSIC + "\n" + "last " + TAILSCALE;
        assertThat(scan("notes.txt", text)).extracting(SecretFinding::toString).containsExactly(
                "notes.txt:1: GitHub token", "notes.txt:1002: AWS access key id", "notes.txt:1002: Slack token",
                "notes.txt:1004: GitHub token", "notes.txt:1005: Tailscale key (tskey-...)");
    }

    @Test
    void tokenUnderATokenKeyIsReportedOnceAsTheVendorToken() {
        assertThat(scan("a.yaml", "token: " + GITHUB_CLASSIC + "\n")).extracting(SecretFinding::what)
                .containsExactly("GitHub token");
    }

    @Test
    void credentialLikeValuesUnderSecretKeysAreFound() {
        String yaml = """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: app}
                data:
                  db_password: "Xk9mP2vL5nQ8wR4t"
                  apiKey: 4f9a1c3e8b7d6a5f0e2c4b6a8d9f1e3c
                  clientSecret: 0d5Jw-8Zr_k2LqYt7VbN3xHc
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  containers:
                    - name: c
                      image: busybox
                      env:
                        - name: API_TOKEN
                          value: 9f86d081884c7d659a2feaa0c55ad015
                """;
        assertThat(scan("app.yaml", yaml)).extracting(SecretFinding::toString).containsExactly(
                "app.yaml:5: credential-like value under key 'db_password'",
                "app.yaml:6: credential-like value under key 'apiKey'",
                "app.yaml:7: credential-like value under key 'clientSecret'",
                "app.yaml:18: credential-like value of variable 'API_TOKEN'");
        assertThat(scan("app.env", "DB_PASSWORD=Xk9mP2vL5nQ8wR4t\nLOG_LEVEL=debug\n"))
                .extracting(SecretFinding::line).containsExactly(1);
    }

    @Test
    void passwordsInUrlsAreFoundButPlaceholdersAreNot() {
        assertThat(scan("repo.yaml", "url: https://bot:hunter2secret@git.example.com/x.git\n"))
                .extracting(SecretFinding::what).containsExactly("password in a URL");
        assertThat(scan("repo.yaml", "url: https://bot:${GIT_TOKEN}@git.example.com/x.git\n")).isEmpty();
        assertThat(scan("repo.yaml", "url: https://bot@git.example.com/x.git\n")).isEmpty();
    }

    @Test
    void findingsNeverContainTheSecretValue() {
        String all = String.join("\n", "a: " + GITHUB_CLASSIC, "b: " + TAILSCALE, "password: Xk9mP2vL5nQ8wR4t",
                "c: " + AWS, "url: https://u:p4ssw0rdValue@h/x") + "\n";
        List<SecretFinding> findings = scan("all.yaml", all);
        assertThat(findings).hasSize(5);
        for (SecretFinding f : findings) {
            assertThat(f.toString()).doesNotContain(GITHUB_CLASSIC, TAILSCALE, "Xk9mP2vL5nQ8wR4t", AWS, "p4ssw0rdValue");
        }
    }

    @Test
    void ordinaryCiliumStyleManifestGivesNoFinding() throws IOException {
        byte[] manifest;
        try (InputStream in = getClass().getResourceAsStream("cilium-style-manifest.yaml")) {
            manifest = in.readAllBytes();
        }
        assertThat(scanner.scanFile("cilium/0f3c0e1f2a9b.yaml", manifest)).isEmpty();
    }

    @Test
    void hexDigestsAndNamesAreNotCredentials() {
        String yaml = """
                image: ghcr.io/example/app@sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
                secretName: hubble-relay-client-certs-2
                token: projected-service-account-token
                secret: AAAAAAAAAAAAAAAAAAAAAAAA
                passwordFile: /etc/app/password
                tokenUrl: https://auth.example.com/oauth2/token
                secretKey: ENV_VAR_NAME_ONLY
                """;
        assertThat(scan("misc.yaml", yaml)).isEmpty();
    }

    @Test
    void scansAFolderAndSkipsTheGitFolder(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("cilium"));
        Files.createDirectories(dir.resolve(".git/objects"));
        Files.writeString(dir.resolve("cilium/abc.yaml"), "kind: ConfigMap\n");
        Files.writeString(dir.resolve("tailscale.yaml"), "kind: Secret\nmetadata: {name: x}\n");
        Files.writeString(dir.resolve(".git/objects/leak"), PEM_KEY);
        assertThat(scanner.scan(dir)).extracting(SecretFinding::toString)
                .containsExactly("tailscale.yaml:1: Kubernetes Secret object (kind: Secret)");
    }

    /** Real upstream manifests: only their actual Secret objects and keys are reported. */
    @Test
    void upstreamCiliumRenderReportsOnlyItsRealSecretsAndKeys() throws IOException {
        Path render = reference().resolve("cilium/rendered-1.18.12-talos-values.yaml");
        List<SecretFinding> findings = scanner.scanFile("cilium.yaml", Files.readAllBytes(render));
        assertThat(findings).extracting(SecretFinding::what).containsOnly(
                YamlSecretWalker.SECRET_OBJECT, TextSecretPatterns.BASE64_PEM_PRIVATE_KEY);
        List<String> lines = Files.readAllLines(render);
        for (SecretFinding f : findings) {
            String line = lines.get(f.line() - 1);
            if (f.what().equals(YamlSecretWalker.SECRET_OBJECT)) {
                assertThat(line).isEqualTo("kind: Secret");
            } else {
                assertThat(line).matches("\\s+(ca|tls)\\.key:\\s+LS0t.*");
            }
        }
        assertThat(findings).extracting(SecretFinding::what).filteredOn(YamlSecretWalker.SECRET_OBJECT::equals)
                .hasSize((int) lines.stream().filter("kind: Secret"::equals).count());
    }

    @Test
    void upstreamTailscaleOperatorAndCrdsReportOnlyTheOperatorSecret() throws IOException {
        Path tailscale = reference().resolve("tailscale");
        assertThat(scanner.scanFile("operator.yaml", Files.readAllBytes(tailscale.resolve("operator-v1.102.3.yaml"))))
                .extracting(SecretFinding::toString)
                .containsExactly("operator.yaml:10: Kubernetes Secret object (kind: Secret)");
        for (Path crds : List.of(tailscale.resolve("crds"), reference().resolve("cilium/crds"))) {
            assertThat(scanner.scan(crds)).as(crds.toString()).isEmpty();
        }
        try (Stream<Path> files = Files.list(tailscale.resolve("crds"))) {
            assertThat(files.count()).isGreaterThan(3);
        }
    }

    /** A Talos machine config (secret by design) must never pass as manifest-repo content. */
    @Test
    void talosMachineConfigIsRecognisedAsSecret() throws IOException {
        Path config = reference().resolve("talos/stability/v1.13/base-controlplane.yaml");
        List<SecretFinding> findings = scanner.scanFile("talos.yaml", Files.readAllBytes(config));
        List<String> lines = Files.readAllLines(config);
        assertThat(findings).extracting(SecretFinding::what).contains(
                "credential-like value under key 'token'",
                "credential-like value under key 'secret'",
                "credential-like value under key 'secretboxEncryptionSecret'",
                TextSecretPatterns.BASE64_PEM_PRIVATE_KEY);
        for (SecretFinding f : findings) {
            assertThat(lines.get(f.line() - 1).strip())
                    .matches("(token|secret|secretboxEncryptionSecret|key): \\S+");
        }
    }

    private static Path reference() {
        String location = System.getProperty("clusterspec.reference");
        assertThat(location).as("system property clusterspec.reference (set by surefire)").isNotNull();
        Path path = Path.of(location);
        assertThat(path).as("shared reference data beside the checkout").isDirectory();
        return path;
    }
}
