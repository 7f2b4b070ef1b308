package dev.clusterspec.emit.ociccm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterspec.emit.AddonFixtures;
import dev.clusterspec.yaml.Yaml;
import dev.clusterspec.emit.catalog.VersionCatalog;
import dev.clusterspec.emit.manifests.InlineManifest;
import dev.clusterspec.plan.ClusterPlan;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The OCI CCM: only when enabled; all controllers on OCI instances, the service controller only on nested VMs. */
class OciCcmComponentTest {


    @Test
    void nothingUnlessEnabled() {
        for (String example : List.of(AddonFixtures.FREE_TIER, AddonFixtures.MINIMAL)) {
            assertThat(AddonFixtures.folder(new OciCcmComponent(), AddonFixtures.plan(example))).isEmpty();
            assertThat(new OciCcmComponent().secretManifests(AddonFixtures.plan(example), AddonFixtures.secrets(example))).isEmpty();
        }
    }

    @Test
    void directTopologyRunsEveryControllerWithTheMatchingArm64Image() {
        JsonNode container = container(AddonFixtures.testPlan("direct-ccm"));
        assertThat(container.path("image").asString()).isEqualTo("ghcr.io/oracle/cloud-provider-oci:v1.33.2");
        assertThat(VersionCatalog.bundled().ociCcm("1.33.4").supports("linux/arm64")).isTrue();
        assertThat(args(container)).contains("--cloud-provider=oci", "--leader-elect-resource-lock=leases")
                .noneMatch(a -> a.startsWith("--controllers"));
    }

    @Test
    void serviceControllerOnlyModeRunsJustTheLoadBalancerController() {
        assertThat(args(container(AddonFixtures.testPlan("direct-ccm-service-only")))).contains("--controllers=service");
    }

    @Test
    void cloudConfigComesFromTheSecretReferencesAndLeavesSecurityListsAlone() {
        ClusterPlan plan = AddonFixtures.testPlan("direct-ccm");
        InlineManifest secret = AddonFixtures.single(new OciCcmComponent().secretManifests(plan, AddonFixtures.testSecrets("direct-ccm")));
        assertThat(secret.secret()).isTrue();
        JsonNode object = Yaml.readAll(secret.contents()).get(0);
        assertThat(object.path("metadata").path("name").asString()).isEqualTo("oci-cloud-controller-manager");
        JsonNode config = Yaml.readAll(object.path("stringData").path("cloud-provider.yaml").asString()).get(0);
        assertThat(config.path("auth").path("region").asString()).isEqualTo("eu-frankfurt-1");
        assertThat(config.path("auth").path("tenancy").asString()).isEqualTo("ocid1.tenancy.oc1..aaaaexampletenancy");
        assertThat(config.path("auth").path("key").asString()).startsWith("-----BEGIN PRIVATE KEY-----\n").endsWith("-----END PRIVATE KEY-----\n");
        assertThat(config.path("compartment").asString()).isEqualTo("ocid1.compartment.oc1..aaaaexamplecompartment");
        assertThat(config.path("loadBalancer").path("subnet1").asString()).isEqualTo("ocid1.subnet.oc1.eu-frankfurt-1.aaaaexamplesubnet");
        assertThat(config.path("loadBalancer").path("securityListManagementMode").asString()).isEqualTo("None");
    }

    @Test
    void withoutAnApiKeyTheInstancePrincipalIsUsed() {
        ClusterPlan plan = AddonFixtures.testPlan("direct-ccm-service-only");
        JsonNode object = Yaml.readAll(AddonFixtures.single(new OciCcmComponent().secretManifests(plan, AddonFixtures.testSecrets("direct-ccm-service-only"))).contents()).get(0);
        JsonNode config = Yaml.readAll(object.path("stringData").path("cloud-provider.yaml").asString()).get(0);
        assertThat(config.path("useInstancePrincipals").asBoolean()).isTrue();
        assertThat(config.path("auth").path("region").asString()).isEqualTo("eu-amsterdam-1");
        assertThat(config.path("auth").has("key")).isFalse();
    }

    private JsonNode container(ClusterPlan plan) {
        List<JsonNode> objects = Yaml.readAll(AddonFixtures.folder(new OciCcmComponent(), plan).orElseThrow());
        JsonNode daemonSet = objects.stream().filter(o -> o.path("kind").asString().equals("DaemonSet")).findFirst().orElseThrow();
        assertThat(daemonSet.path("spec").path("template").path("spec").path("nodeSelector").has("node-role.kubernetes.io/control-plane")).isTrue();
        return daemonSet.path("spec").path("template").path("spec").path("containers").get(0);
    }

    private static List<String> args(JsonNode container) {
        return container.path("args").valueStream().map(JsonNode::asString).toList();
    }
}
