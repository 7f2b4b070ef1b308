package dev.clusterspec.emit.talos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import dev.clusterspec.load.bundle.TestBundles;
import dev.clusterspec.load.bundle.TalosCertificates;
import dev.clusterspec.load.bundle.X509TestSupport;
import dev.clusterspec.load.bundle.SecretsBundleReader;
import dev.clusterspec.load.bundle.SecretsBundle;
import dev.clusterspec.load.bundle.ClientCertificate;

class TalosconfigEmitterTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-01T12:00:00Z"), ZoneOffset.UTC);

    private final SecretsBundle bundle = TestBundles.referenceBundle();

    @Test
    void layoutIsTalosctls() {
        ClientCertificate admin = TalosCertificates.issueAdminClientCert(bundle, CLOCK);

        String talosconfig = TalosconfigEmitter.render("oci-home", List.of("10.0.0.11", "10.0.0.12"),
                List.of("10.0.0.11"), bundle, CLOCK);

        assertThat(talosconfig).isEqualTo(""
                + "context: oci-home\n"
                + "contexts:\n"
                + "    oci-home:\n"
                + "        endpoints:\n"
                + "            - 10.0.0.11\n"
                + "            - 10.0.0.12\n"
                + "        nodes:\n"
                + "            - 10.0.0.11\n"
                + "        ca: " + bundle.certs().os().certificateBase64() + "\n"
                + "        crt: " + admin.certificateBase64() + "\n"
                + "        key: " + admin.keyBase64() + "\n");
    }

    @Test
    void emptyEndpointsAreWrittenAndEmptyNodesOmittedLikeTalosctl() {
        String talosconfig = TalosconfigEmitter.render("base", List.of(), List.of(), bundle, CLOCK);
        assertThat(talosconfig).contains("    base:\n        endpoints: []\n        ca: ").doesNotContain("nodes");
    }

    @Test
    void credentialsDecodeToTheOsCaAndAVerifiableAdminCertificate() throws GeneralSecurityException {
        String talosconfig = TalosconfigEmitter.render("oci-home", List.of("10.0.0.11"), List.of(), bundle, CLOCK);

        Map<?, ?> root = (Map<?, ?>) new Load(LoadSettings.builder().build()).loadFromString(talosconfig);
        assertThat(root.get("context")).isEqualTo("oci-home");
        Map<?, ?> context = (Map<?, ?>) ((Map<?, ?>) root.get("contexts")).get("oci-home");
        assertThat(context.get("endpoints")).isEqualTo(List.of("10.0.0.11"));

        String caPem = decode(context.get("ca"));
        assertThat(caPem).isEqualTo(bundle.certs().os().certificatePem());
        X509Certificate ca = X509TestSupport.certificate(caPem);
        X509Certificate client = X509TestSupport.certificate(decode(context.get("crt")));
        client.verify(ca.getPublicKey());
        assertThat(client.getSubjectX500Principal().getName()).isEqualTo("O=os:admin");
        assertThat(X509TestSupport.pairs(X509TestSupport.privateKey(decode(context.get("key"))), client.getPublicKey())).isTrue();
    }

    @Test
    void sameInputsGiveTheSameBytes() {
        String first = TalosconfigEmitter.render("oci-home", List.of("10.0.0.11"), List.of("10.0.0.11"), bundle, CLOCK);
        String second = TalosconfigEmitter.render("oci-home", List.of("10.0.0.11"), List.of("10.0.0.11"),
                SecretsBundleReader.read(TestBundles.referenceBundleFile()), Clock.offset(CLOCK, java.time.Duration.ofDays(30)));
        assertThat(second).isEqualTo(first);
    }

    @Test
    void awkwardContextNamesAreQuotedAndReadBack() {
        String talosconfig = TalosconfigEmitter.render("2026", List.of("::1"), List.of(), bundle, CLOCK);
        assertThat(talosconfig).startsWith("context: \"2026\"\ncontexts:\n    \"2026\":\n");
        Map<?, ?> root = (Map<?, ?>) new Load(LoadSettings.builder().build()).loadFromString(talosconfig);
        assertThat(root.get("context")).isEqualTo("2026");
        assertThat(((Map<?, ?>) root.get("contexts")).containsKey("2026")).isTrue();
    }

    @Test
    void blankInputsAreRefused() {
        assertThatThrownBy(() -> TalosconfigEmitter.render(" ", List.of(), List.of(), bundle, CLOCK))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TalosconfigEmitter.render("x", List.of(""), List.of(), bundle, CLOCK))
                .hasMessage("talosconfig endpoints must not contain empty entries");
    }

    private static String decode(Object base64) {
        return new String(Base64.getDecoder().decode((String) base64), StandardCharsets.US_ASCII);
    }
}
