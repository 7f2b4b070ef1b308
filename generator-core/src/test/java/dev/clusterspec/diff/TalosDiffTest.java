package dev.clusterspec.diff;

import static dev.clusterspec.diff.OutputDiffTest.files;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Talos configs: documents matched by kind and name, secrets never shown. All values here are made up. */
class TalosDiffTest {

    /** The secret values of one synthetic config; {@code generation} makes a second set for "after". */
    private record Secrets(String machineToken, String clusterSecret, String clusterToken, String secretbox,
                           String aescbc, String machineCaKey, String clusterCaKey, String etcdKey, String aggregatorKey,
                           String serviceAccountKey, String header, String oauthSecret, String registryPassword,
                           String fileKey, String talosconfigKey) {

        static Secrets of(int generation) {
            return new Secrets(
                    "fake" + generation + "a.machinetokenvalue" + generation,
                    "ZmFrZS1jbHVzdGVyLXNlY3JldC1kaXNjb3Zlcnk" + generation + "=",
                    "fake" + generation + "b.clustertokenvalue" + generation,
                    "ZmFrZS1zZWNyZXRib3gtZW5jcnlwdGlvbi1rZXk" + generation + "=",
                    "ZmFrZS1hZXNjYmMtZW5jcnlwdGlvbi1rZXktdmFs" + generation + "=",
                    base64Key("ED25519 PRIVATE KEY", "FAKEMACHINECAKEY" + generation),
                    base64Key("EC PRIVATE KEY", "FAKECLUSTERCAKEY" + generation),
                    base64Key("EC PRIVATE KEY", "FAKEETCDCAKEY" + generation),
                    base64Key("EC PRIVATE KEY", "FAKEAGGREGATORKEY" + generation),
                    base64Key("RSA PRIVATE KEY", "FAKESERVICEACCOUNTKEY" + generation),
                    "Bearer fake-header-token-" + generation,
                    "fake-oauth-client-secret-" + generation,
                    "fake-registry-password-" + generation,
                    "-----BEGIN EC PRIVATE KEY-----\nFAKEFILEKEYMATERIAL" + generation + "\n-----END EC PRIVATE KEY-----\n",
                    base64Key("ED25519 PRIVATE KEY", "FAKETALOSCONFIGKEY" + generation));
        }

        List<String> values() {
            return List.of(machineToken, clusterSecret, clusterToken, secretbox, aescbc, machineCaKey, clusterCaKey,
                    etcdKey, aggregatorKey, serviceAccountKey, header, oauthSecret, registryPassword, fileKey,
                    talosconfigKey);
        }

        /** The values, their key material, and what an embedded key looks like in a rendered block. */
        List<String> fragments() {
            List<String> out = new ArrayList<>(values());
            for (String marker : List.of("FAKEMACHINECAKEY", "FAKECLUSTERCAKEY", "FAKEETCDCAKEY", "FAKEAGGREGATORKEY",
                    "FAKESERVICEACCOUNTKEY", "FAKEFILEKEYMATERIAL", "FAKETALOSCONFIGKEY", "fake-oauth-client-secret",
                    "fake-registry-password", "fake-header-token", "machinetokenvalue", "clustertokenvalue",
                    "PRIVATE KEY-----")) {
                out.add(marker);
            }
            out.add(clusterCaKey.substring(0, 40));
            out.add(Base64.getEncoder().encodeToString(oauthSecret.getBytes(StandardCharsets.UTF_8)));
            return out;
        }
    }

    private static String base64Key(String type, String material) {
        String pem = "-----BEGIN " + type + "-----\n" + material + "\n-----END " + type + "-----\n";
        return Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.UTF_8));
    }

    private static String base64Cert(String material) {
        String pem = "-----BEGIN CERTIFICATE-----\n" + material + "\n-----END CERTIFICATE-----\n";
        return Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.UTF_8));
    }

    private static String controlPlane(Secrets s, int apidPort, boolean kubeletRule, String clusterCaCrt) {
        String secretManifest = """
                apiVersion: v1
                kind: Secret
                metadata:
                  name: operator-oauth
                  namespace: tailscale
                stringData:
                  client_id: visible-client-id
                  client_secret: %s
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: operator-settings
                  namespace: tailscale
                data:
                  hostname: visible-hostname
                """.formatted(s.oauthSecret());
        return """
                version: v1alpha1
                debug: false
                machine:
                  type: controlplane
                  token: %s
                  ca:
                    crt: %s
                    key: %s
                  files:
                    - path: /var/etc/extra.key
                      op: create
                      content: |
                %s
                  registries:
                    config:
                      ghcr.io:
                        auth:
                          username: visible-user
                          password: %s
                cluster:
                  id: visible-cluster-id
                  secret: %s
                  clusterName: demo
                  token: %s
                  secretboxEncryptionSecret: %s
                  aescbcEncryptionSecret: %s
                  ca:
                    crt: %s
                    key: %s
                  aggregatorCA:
                    crt: %s
                    key: %s
                  serviceAccount:
                    key: %s
                  etcd:
                    ca:
                      crt: %s
                      key: %s
                  extraManifestHeaders:
                    Authorization: %s
                  inlineManifests:
                    - name: 20-secret-tailscale
                      contents: |
                %s
                ---
                apiVersion: v1alpha1
                kind: HostnameConfig
                hostname: cp-1
                ---
                apiVersion: v1alpha1
                kind: NetworkRuleConfig
                name: apid
                portSelector:
                  ports:
                    - %d
                  protocol: tcp
                ingress:
                  - subnet: 10.0.0.0/24
                """.formatted(s.machineToken(), base64Cert("MACHINECACERT"), s.machineCaKey(),
                indent(s.fileKey(), 8), s.registryPassword(), s.clusterSecret(), s.clusterToken(), s.secretbox(),
                s.aescbc(), clusterCaCrt, s.clusterCaKey(), base64Cert("AGGREGATORCERT"), s.aggregatorKey(),
                s.serviceAccountKey(), base64Cert("ETCDCERT"), s.etcdKey(), s.header(), indent(secretManifest, 8),
                apidPort)
                + (kubeletRule ? """
                ---
                apiVersion: v1alpha1
                kind: NetworkRuleConfig
                name: kubelet
                portSelector:
                  ports:
                    - 10250
                  protocol: tcp
                ingress:
                  - subnet: 10.0.0.0/24
                """ : "");
    }

    private static String talosconfig(Secrets s) {
        return """
                context: demo
                contexts:
                  demo:
                    endpoints:
                      - 10.0.0.11
                    ca: %s
                    crt: %s
                    key: %s
                """.formatted(base64Cert("CLIENTCA"), base64Cert("CLIENTCERT"), s.talosconfigKey());
    }

    private static String indent(String text, int spaces) {
        String pad = " ".repeat(spaces);
        return text.lines().map(l -> l.isEmpty() ? l : pad + l).reduce((a, b) -> a + "\n" + b).orElse("");
    }

    private static String hash8(String value) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, 4);
    }

    private final Secrets old = Secrets.of(1);
    private final Secrets next = Secrets.of(2);

    private DiffReport diff() {
        Map<String, byte[]> before = files(
                "talos/cp-1.yaml", controlPlane(old, 50000, false, base64Cert("CLUSTERCA1")),
                "talos/talosconfig", talosconfig(old));
        Map<String, byte[]> after = files(
                "talos/cp-1.yaml", controlPlane(next, 50001, true, base64Cert("CLUSTERCA2")),
                "talos/talosconfig", talosconfig(next));
        return OutputDiff.compare(before, after, DiffOptions.defaults());
    }

    @Test
    void documentsAreMatchedByKindAndNameWithinTheNodesFile() {
        DiffReport report = diff();
        assertThat(report.entries()).extracting(e -> e.id().display() + " " + e.status()).containsExactly(
                "talos/cp-1.yaml HostnameConfig UNCHANGED",
                "talos/cp-1.yaml NetworkRuleConfig apid CHANGED",
                "talos/cp-1.yaml NetworkRuleConfig kubelet ADDED",
                "talos/cp-1.yaml v1alpha1 CHANGED",
                "talos/talosconfig CHANGED");
        DiffEntry apid = report.changed().get(0);
        assertThat(apid.fieldChanges()).extracting(FieldChange::toString)
                .containsExactly("portSelector.ports[0]: 50000 -> 50001");
        assertThat(apid.diff()).contains("--- a/talos/cp-1.yaml (NetworkRuleConfig apid)", "-    - 50000", "+    - 50001");
    }

    @Test
    void changedSecretsShowAsChangedHashes() throws Exception {
        DiffEntry main = diff().changed().stream().filter(e -> e.id().kind().equals("v1alpha1")).findFirst().orElseThrow();
        List<String> fields = main.fieldChanges().stream().map(FieldChange::toString).toList();
        assertThat(fields).contains(
                "machine.token: <redacted sha256:" + hash8(old.machineToken()) + "> -> <redacted sha256:"
                        + hash8(next.machineToken()) + ">",
                "cluster.ca.key: <redacted sha256:" + hash8(old.clusterCaKey()) + "> -> <redacted sha256:"
                        + hash8(next.clusterCaKey()) + ">",
                "cluster.extraManifestHeaders.Authorization: <redacted sha256:" + hash8(old.header())
                        + "> -> <redacted sha256:" + hash8(next.header()) + ">",
                "machine.registries.config[\"ghcr.io\"].auth.password: <redacted sha256:" + hash8(old.registryPassword())
                        + "> -> <redacted sha256:" + hash8(next.registryPassword()) + ">",
                "cluster.inlineManifests[name=20-secret-tailscale].contents: (text, 16 lines) -> (text, 16 lines)");
        // a certificate is public: its change is shown as it is
        assertThat(fields).contains("cluster.ca.crt: " + base64Cert("CLUSTERCA1").substring(0, 77) + "... -> "
                + base64Cert("CLUSTERCA2").substring(0, 77) + "...");
        // the Secret inside the inline manifest is redacted, the ConfigMap next to it is not
        assertThat(main.diff()).contains(
                "-          client_secret: <redacted sha256:" + hash8(old.oauthSecret()) + ">",
                "+          client_secret: <redacted sha256:" + hash8(next.oauthSecret()) + ">");
        // every stringData value of a Secret is hidden, also the harmless-looking ones
        assertThat(main.diff()).contains("           client_id: <redacted sha256:" + hash8("visible-client-id") + ">");
        assertThat(fields).noneMatch(f -> f.startsWith("cluster.id") || f.startsWith("machine.ca.crt"));
    }

    @Test
    void noSecretValueAppearsInAnyRendering() {
        DiffReport report = diff();
        List<String> renderings = new ArrayList<>(List.of(report.render(false), report.render(true), report.summary()));
        for (DiffEntry entry : report.entries()) {
            renderings.add(entry.toString());
        }
        renderings.addAll(report.notes());
        for (String rendering : renderings) {
            for (String secret : old.fragments()) {
                assertThat(rendering).doesNotContain(secret);
            }
            for (String secret : next.fragments()) {
                assertThat(rendering).doesNotContain(secret);
            }
        }
        assertThat(report.render(false)).contains("<redacted sha256:").contains("visible-user");
    }

    @Test
    void aTalosConfigThatIsNotYamlIsHiddenWhole() throws Exception {
        String broken = "machine: [\n  token: " + old.machineToken() + "\n";
        DiffReport report = OutputDiff.compare(files("talos/cp-1.yaml", broken),
                files("talos/cp-1.yaml", broken + "#\n"), DiffOptions.defaults());
        DiffEntry entry = report.changed().get(0);
        assertThat(entry.id()).isEqualTo(EntryId.file("talos/cp-1.yaml"));
        assertThat(entry.diff()).containsExactly("--- a/talos/cp-1.yaml", "+++ b/talos/cp-1.yaml", "@@ -1 +1 @@",
                "-<redacted sha256:" + hash8(broken) + ">", "+<redacted sha256:" + hash8(broken + "#\n") + ">");
    }

    @Test
    void filesFlaggedSecretOutsideTheTalosFolderAreRedactedLikeTalosConfigs() {
        String before = "password: fake-password-one-1234\nname: visible\n";
        String after = "password: fake-password-two-5678\nname: visible\n";
        DiffOptions options = DiffOptions.defaults().withSecretPaths(java.util.Set.of("oci/api-key.yaml"));
        String rendered = OutputDiff.compare(files("oci/api-key.yaml", before), files("oci/api-key.yaml", after), options)
                .render(false);
        assertThat(rendered).doesNotContain("fake-password").contains("<redacted sha256:");
        // without the flag the same file is an ordinary text file
        assertThat(OutputDiff.compare(files("oci/api-key.yaml", before), files("oci/api-key.yaml", after),
                DiffOptions.defaults()).render(false)).contains("fake-password-two-5678");
    }

    @Test
    void kubernetesSecretsAreRedactedInAnyFile() throws Exception {
        String secret = """
                apiVersion: v1
                kind: Secret
                metadata:
                  name: grafana
                  namespace: monitoring
                type: Opaque
                data:
                  token: %s
                stringData:
                  url: %s
                """;
        String oldToken = Base64.getEncoder().encodeToString("fake-grafana-token-1".getBytes(StandardCharsets.UTF_8));
        String newToken = Base64.getEncoder().encodeToString("fake-grafana-token-2".getBytes(StandardCharsets.UTF_8));
        DiffReport report = OutputDiff.compare(
                files("manifest-repo/a.yaml", secret.formatted(oldToken, "https://example.invalid/one")),
                files("manifest-repo/b.yaml", secret.formatted(newToken, "https://example.invalid/one")),
                DiffOptions.defaults());
        DiffEntry entry = report.changed().get(0);
        assertThat(entry.id().display()).isEqualTo("Secret monitoring/grafana");
        assertThat(entry.fieldChanges()).extracting(FieldChange::toString).containsExactly(
                "data.token: <redacted sha256:" + hash8(oldToken) + "> -> <redacted sha256:" + hash8(newToken) + ">");
        assertThat(report.render(true)).doesNotContain(oldToken).doesNotContain(newToken)
                .doesNotContain("example.invalid/one");
    }

    @Test
    void aChangeHiddenByRedactionIsStillReportedAsAChange() {
        String config = """
                version: v1alpha1
                cluster:
                  inlineManifests:
                    - name: secret
                      contents: |
                        apiVersion: v1
                        kind: Secret
                        metadata:
                          name: s
                        stringData:
                          value: %s
                """;
        // the same Secret written with different quoting: a different config, an equal redacted rendering
        DiffReport report = OutputDiff.compare(files("talos/cp-1.yaml", config.formatted("fake-value")),
                files("talos/cp-1.yaml", config.formatted("\"fake-value\"")), DiffOptions.defaults());
        assertThat(report.changed()).singleElement().satisfies(e -> {
            assertThat(e.fieldChanges()).isEmpty();
            assertThat(e.diff()).containsExactly(EntryDiffer.HIDDEN_CHANGE);
        });
        assertThat(report.render(false)).doesNotContain("fake-value");
    }
}
