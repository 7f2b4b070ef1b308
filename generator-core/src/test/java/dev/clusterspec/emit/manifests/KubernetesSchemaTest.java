package dev.clusterspec.emit.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterspec.emit.AddonFixtures;
import dev.clusterspec.emit.OutputFile;
import dev.clusterspec.yaml.Yaml;
import dev.clusterspec.emit.catalog.VersionCatalog;
import dev.clusterspec.emit.cilium.CiliumInstall;
import dev.clusterspec.emit.tailscale.TailscaleCrds;
import dev.clusterspec.emit.usermanifests.UserManifestsComponent;
import dev.clusterspec.generate.Components;
import dev.clusterspec.plan.ClusterPlan;
import dev.clusterspec.load.SecretResolver;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Every object the add-on emitters generate (repo files, the Cilium inline manifest, the secret
 * inline manifests) validates strictly against the Kubernetes 1.31 schemas (unknown fields fail)
 * and, for Cilium custom resources, the CRD schemas. Cases: both examples, and test specs that
 * switch on what the examples leave off (OCI CCM in both modes, direct topology, two pools, UDP
 * ports, Hubble relay and metrics off). The mirrored Tailscale CRDs have no schema anywhere; they are the
 * upstream files, pinned by sha256 (see TailscaleOperatorTest).
 */
class KubernetesSchemaTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(AddonFixtures.FREE_TIER, AddonFixtures.plan(AddonFixtures.FREE_TIER), AddonFixtures.secrets(AddonFixtures.FREE_TIER)),
                Arguments.of(AddonFixtures.MINIMAL, AddonFixtures.plan(AddonFixtures.MINIMAL), AddonFixtures.secrets(AddonFixtures.MINIMAL)),
                Arguments.of(AddonFixtures.DIRECT, AddonFixtures.plan(AddonFixtures.DIRECT), AddonFixtures.secrets(AddonFixtures.DIRECT)),
                Arguments.of("direct-ccm", AddonFixtures.testPlan("direct-ccm"), AddonFixtures.testSecrets("direct-ccm")),
                Arguments.of("direct-ccm-service-only", AddonFixtures.testPlan("direct-ccm-service-only"),
                        AddonFixtures.testSecrets("direct-ccm-service-only")),
                Arguments.of("nested-two-pools", AddonFixtures.testPlan("nested-two-pools"),
                        AddonFixtures.testSecrets("nested-two-pools")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyGeneratedObjectValidatesStrictly(String name, ClusterPlan plan, SecretResolver secrets) {
        List<JsonNode> objects = generatedObjects(plan, secrets);
        List<String> problems = new ArrayList<>();
        Set<String> kinds = new TreeSet<>();
        for (JsonNode object : objects) {
            problems.addAll(AddonFixtures.schemas().validate(object));
            kinds.add(object.path("apiVersion").asString() + " " + object.path("kind").asString());
        }
        assertThat(problems).as(name + ": schema problems").isEmpty();
        assertThat(objects).as(name).hasSizeGreaterThan(30);
        assertThat(kinds).contains("apps/v1 DaemonSet", "apps/v1 Deployment", "v1 ConfigMap", "v1 Namespace", "v1 Service",
                "rbac.authorization.k8s.io/v1 ClusterRole", "batch/v1 Job", "batch/v1 CronJob");
    }

    @Test
    void theCasesCoverEveryKindWeGenerate() {
        Set<String> kinds = new TreeSet<>();
        cases().forEach(c -> generatedObjects((ClusterPlan) c.get()[1], (SecretResolver) c.get()[2])
                .forEach(o -> kinds.add(o.path("apiVersion").asString() + " " + o.path("kind").asString())));
        assertThat(kinds).containsExactlyInAnyOrder(
                "apps/v1 DaemonSet", "apps/v1 Deployment", "batch/v1 CronJob", "batch/v1 Job",
                "cilium.io/v2 CiliumLoadBalancerIPPool", "cilium.io/v2 CiliumNetworkPolicy", "cilium.io/v2alpha1 CiliumL2AnnouncementPolicy",
                "networking.k8s.io/v1 IngressClass", "networking.k8s.io/v1 NetworkPolicy",
                "rbac.authorization.k8s.io/v1 ClusterRole", "rbac.authorization.k8s.io/v1 ClusterRoleBinding",
                "rbac.authorization.k8s.io/v1 Role", "rbac.authorization.k8s.io/v1 RoleBinding",
                "v1 ConfigMap", "v1 Namespace", "v1 Secret", "v1 Service", "v1 ServiceAccount");
    }

    @Test
    void theValidatorRejectsWhatTheApiServerWould() {
        JsonNode integerPortInPolicy = Yaml.readAll("""
                apiVersion: v1
                kind: Service
                metadata: {name: x, namespace: y}
                spec:
                  type: ClusterIP
                  ports: [{port: "443"}]
                  loadBalancerSourceRange: []
                """).get(0);
        assertThat(AddonFixtures.schemas().validate(integerPortInPolicy)).hasSize(2);
        JsonNode pool = Yaml.readAll("""
                apiVersion: cilium.io/v2
                kind: CiliumLoadBalancerIPPool
                metadata: {name: p}
                spec:
                  blocks: [{cidr: 10.0.0.0/24, size: 3}]
                  allowFirstLastIPs: "maybe"
                """).get(0);
        assertThat(AddonFixtures.schemas().validate(pool)).hasSize(2);
        JsonNode unknownKind = Yaml.readAll("apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n").get(0);
        assertThat(AddonFixtures.schemas().validate(unknownKind)).singleElement().asString().contains("no schema");
    }

    /** Everything the components produce for a plan, except the mirrored upstream CRDs and the user's own manifests. */
    static List<JsonNode> generatedObjects(ClusterPlan plan, SecretResolver secrets) {
        ManifestRepoContent content = AddonFixtures.repo(plan);
        List<JsonNode> objects = new ArrayList<>();
        for (OutputFile file : content.files()) {
            if (file.path().contains("/") && !file.path().contains("-" + TailscaleCrds.NAME + "/") && !UserManifestsComponent.isUserFile(file.path())) {
                objects.addAll(Yaml.readAll(file.text()));
            }
        }
        for (InlineManifest inline : content.inlineManifests()) {
            if (!inline.name().endsWith("-" + CiliumInstall.NAME)) {
                objects.addAll(Yaml.readAll(inline.contents()));
            }
        }
        for (InlineManifest secret : Components.secretManifests(plan, secrets)) {
            objects.addAll(Yaml.readAll(secret.contents()));
        }
        return objects;
    }
}
