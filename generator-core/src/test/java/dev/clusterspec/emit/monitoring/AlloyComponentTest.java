package dev.clusterspec.emit.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterspec.emit.AddonFixtures;
import dev.clusterspec.yaml.Yaml;
import dev.clusterspec.emit.catalog.VersionCatalog;
import dev.clusterspec.emit.cilium.CiliumInstall;
import dev.clusterspec.emit.manifests.InlineManifest;
import dev.clusterspec.plan.ClusterPlan;
import dev.clusterspec.plan.firewall.Endpoint;
import dev.clusterspec.plan.firewall.FirewallPlan;
import dev.clusterspec.plan.firewall.Flow;
import dev.clusterspec.plan.firewall.Layer;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Grafana Alloy: scrapes what the Cilium manifests expose, ships logs, runs restricted, keeps its token out of the repo. */
class AlloyComponentTest {

    private static final ClusterPlan PLAN = AddonFixtures.plan(AddonFixtures.FREE_TIER);

    @Test
    void scrapesExactlyTheMetricsPortsTheCiliumManifestsDeclare() {
        Set<String> declared = new HashSet<>();
        for (JsonNode object : CiliumInstall.objects(PLAN, VersionCatalog.bundled())) {
            object.path("spec").path("template").path("spec").path("containers")
                    .forEach(c -> c.path("ports").forEach(p -> declared.add(p.path("name").asString())));
        }
        assertThat(declared).containsAll(List.of(AlloyComponent.METRICS_PORT_NAMES.split("\\|")));
        assertThat(config()).contains("regex         = \"" + AlloyComponent.METRICS_PORT_NAMES + "\"")
                .contains("url = \"https://prometheus-prod-01-eu-west-0.grafana.net/api/prom/push\"")
                .contains("url = \"https://logs-prod-eu-west-0.grafana.net/loki/api/v1/push\"")
                .contains("loki.source.kubernetes \"pods\"")
                .contains("cluster = \"oci-home\"");
    }

    /**
     * No dead rules: each connection the network policies let the monitoring namespace open is one
     * Alloy makes. It scrapes pods of exactly those namespaces by exactly that container port name.
     */
    @Test
    void everyScrapeTheNetworkPoliciesAllowIsOneAlloyMakes() {
        List<Flow> scrapes = FirewallPlan.of(PLAN).flows(Layer.NETWORK_POLICY).stream()
                .filter(f -> f.source() instanceof Endpoint.Pods p && p.namespace().equals("monitoring")).toList();
        assertThat(scrapes).isNotEmpty();
        String config = config();
        java.util.regex.Matcher workloads = java.util.regex.Pattern
                .compile("discovery\\.kubernetes \"workloads\" \\{\\s*role = \"pod\"\\s*namespaces \\{\\s*names = \\[([^]]*)]")
                .matcher(config);
        assertThat(workloads.find()).as("Alloy discovers the application pods").isTrue();
        List<String> scrapedNamespaces = java.util.Arrays.stream(workloads.group(1).split(",\\s*")).map(n -> n.replace("\"", "")).toList();
        for (Flow scrape : scrapes) {
            assertThat(scrape.ports().isNamed()).isTrue();
            assertThat(scrapedNamespaces).contains(((Endpoint.Pods) scrape.destination()).namespace());
            assertThat(config).contains("source_labels = [\"__meta_kubernetes_pod_container_port_name\"]\n    regex         = \""
                    + scrape.ports().name() + "\"\n    action        = \"keep\"");
        }
        assertThat(scrapedNamespaces).hasSameSizeAs(scrapes.stream().map(Flow::destination).distinct().toList());
    }

    @Test
    void credentialsOnlyThroughTheEnvironmentFromTheInlineSecret() {
        assertThat(config()).contains("password = sys.env(\"GRAFANA_CLOUD_TOKEN\")").doesNotContain("DEMO-VALUE");
        InlineManifest secret = AddonFixtures.single(new AlloyComponent().secretManifests(PLAN, AddonFixtures.secrets(AddonFixtures.FREE_TIER)));
        JsonNode object = Yaml.readAll(secret.contents()).get(1);
        assertThat(object.path("metadata").path("name").asString()).isEqualTo(AlloyComponent.SECRET);
        assertThat(object.path("stringData").path("token").asString()).isEqualTo("DEMO-VALUE-not-a-real-secret-grafana-token");
        assertThat(deployment().path("spec").path("template").path("spec").path("containers").get(0).path("env"))
                .allSatisfy(e -> assertThat(e.path("valueFrom").path("secretKeyRef").path("name").asString()).isEqualTo(AlloyComponent.SECRET));
    }

    @Test
    void podMeetsPodSecurityRestrictedAndTheNamespaceEnforcesIt() {
        List<JsonNode> objects = Yaml.readAll(AddonFixtures.folder(new AlloyComponent(), PLAN).orElseThrow());
        JsonNode namespace = objects.get(0);
        assertThat(namespace.path("metadata").path("name").asString()).isEqualTo("monitoring");
        assertThat(namespace.path("metadata").path("labels").path("pod-security.kubernetes.io/enforce").asString()).isEqualTo("restricted");
        JsonNode pod = deployment().path("spec").path("template").path("spec");
        assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).isTrue();
        assertThat(pod.path("securityContext").path("seccompProfile").path("type").asString()).isEqualTo("RuntimeDefault");
        assertThat(pod.path("hostNetwork").asBoolean(false)).isFalse();
        assertThat(pod.path("volumes")).noneMatch(v -> v.has("hostPath"));
        JsonNode container = pod.path("containers").get(0).path("securityContext");
        assertThat(container.path("allowPrivilegeEscalation").asBoolean(true)).isFalse();
        assertThat(container.path("capabilities").path("drop").get(0).asString()).isEqualTo("ALL");
        assertThat(pod.path("containers").get(0).path("image").asString()).isEqualTo("grafana/alloy:v1.18.1");
    }

    @Test
    void nothingWhenAlloyIsOff() {
        assertThat(AddonFixtures.folder(new AlloyComponent(), AddonFixtures.plan(AddonFixtures.MINIMAL))).isEmpty();
        assertThat(new AlloyComponent().secretManifests(AddonFixtures.plan(AddonFixtures.MINIMAL), AddonFixtures.secrets(AddonFixtures.MINIMAL))).isEmpty();
    }

    private String config() {
        return Yaml.readAll(AddonFixtures.folder(new AlloyComponent(), PLAN).orElseThrow()).stream().filter(o -> o.path("kind").asString().equals("ConfigMap"))
                .findFirst().orElseThrow().path("data").path("config.alloy").asString();
    }

    private JsonNode deployment() {
        return Yaml.readAll(AddonFixtures.folder(new AlloyComponent(), PLAN).orElseThrow()).stream().filter(o -> o.path("kind").asString().equals("Deployment"))
                .findFirst().orElseThrow();
    }
}
