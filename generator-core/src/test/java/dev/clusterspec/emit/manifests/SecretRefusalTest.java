package dev.clusterspec.emit.manifests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clusterspec.emit.AddonFixtures;
import dev.clusterspec.emit.OutputFile;
import dev.clusterspec.plan.ClusterPlan;
import java.util.List;
import org.junit.jupiter.api.Test;
import dev.clusterspec.generate.Components;
import dev.clusterspec.verify.ManifestRepoSecretGuard;
import dev.clusterspec.verify.SecretInManifestRepoException;
import java.util.ArrayList;

/**
 * The manifest repo is published: the guard refuses content with a Secret object, a private key
 * or a token, whichever component brought it, and says where without echoing the value.
 */
class SecretRefusalTest {

    private static final ClusterPlan PLAN = AddonFixtures.plan(AddonFixtures.FREE_TIER);

    @Test
    void aSecretObjectInAComponentIsRefused() {
        String secret = """
                apiVersion: v1
                kind: Secret
                metadata:
                  name: leaked
                  namespace: web
                stringData:
                  password: correct-horse-battery-staple
                """;
        assertThatThrownBy(() -> guard(new FixedComponent("leaky", 80, secret)))
                .isInstanceOf(SecretInManifestRepoException.class)
                .hasMessageContaining("80-leaky/")
                .hasMessageContaining("Secret")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("correct-horse-battery-staple"));
    }

    @Test
    void aPrivateKeyInAConfigMapIsRefused() {
        String configMap = """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: tls
                  namespace: web
                data:
                  key.pem: |
                    -----BEGIN RSA PRIVATE KEY-----
                    MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun
                    -----END RSA PRIVATE KEY-----
                """;
        assertThatThrownBy(() -> guard(new FixedComponent("extras", 90, configMap)))
                .isInstanceOf(SecretInManifestRepoException.class)
                .satisfies(e -> assertThat(((SecretInManifestRepoException) e).findings()).isNotEmpty()
                        .allSatisfy(f -> assertThat(f.file()).startsWith("90-extras/")));
    }

    @Test
    void theGeneratedRepoItselfPassesAndTheSecretsStayInline() {
        ManifestRepoContent content = AddonFixtures.repo(PLAN);
        ManifestRepoSecretGuard.refuseSecrets(content.files());
        List<InlineManifest> secrets = Components.secretManifests(PLAN, AddonFixtures.secrets(AddonFixtures.FREE_TIER));
        assertThat(secrets).extracting(InlineManifest::name)
                .containsExactly("20-secret-alloy-grafana-cloud", "20-secret-tailscale-operator-oauth");
        assertThat(secrets).allSatisfy(s -> {
            assertThat(s.secret()).isTrue();
            assertThat(s.contents()).contains("kind: Secret");
        });
        String repoText = String.join("\n", content.files().stream().map(OutputFile::text).toList());
        assertThat(repoText).doesNotContain("kind: Secret").doesNotContain("PRIVATE KEY").doesNotContain("DEMO-VALUE");
        assertThat(content.inlineManifests()).noneMatch(InlineManifest::secret);
    }

    /** The example's components and this one, assembled and put to the guard as generate does. */
    private static void guard(Component extra) {
        List<Component> components = new ArrayList<>(Components.ALL);
        components.add(extra);
        ManifestRepoSecretGuard.refuseSecrets(ManifestRepoEmitter.emit(components, AddonFixtures.inputs(PLAN)).files());
    }
}
