package dev.clusterspec.emit.workloads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clusterspec.emit.AddonFixtures;
import dev.clusterspec.yaml.Yaml;
import dev.clusterspec.emit.manifests.ManifestProblemException;
import dev.clusterspec.plan.ClusterPlan;
import dev.clusterspec.spec.Addons;
import dev.clusterspec.spec.ClusterSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Namespaces with Pod Security labels, and the Services of the three exposure patterns. */
class WorkloadsComponentsTest {

    @Test
    void everyNamespaceGetsEnforceAuditAndWarnAtTheClustersVersion() {
        List<JsonNode> namespaces = Yaml.readAll(AddonFixtures.folder(new NamespacesComponent(), AddonFixtures.plan(AddonFixtures.FREE_TIER)).orElseThrow());
        assertThat(namespaces).extracting(n -> n.path("metadata").path("name").asString()).containsExactly("web", "api", "db");
        for (JsonNode ns : namespaces) {
            JsonNode labels = ns.path("metadata").path("labels");
            for (String mode : List.of("enforce", "audit", "warn")) {
                assertThat(labels.path("pod-security.kubernetes.io/" + mode).asString()).isEqualTo("restricted");
                assertThat(labels.path("pod-security.kubernetes.io/" + mode + "-version").asString()).isEqualTo("v1.33");
            }
        }
        JsonNode baseline = Yaml.readAll(AddonFixtures.folder(new NamespacesComponent(), AddonFixtures.testPlan("nested-two-pools")).orElseThrow()).get(0);
        assertThat(baseline.path("metadata").path("labels").path("pod-security.kubernetes.io/enforce").asString()).isEqualTo("baseline");
    }

    @Test
    void theSeedsThreeExposurePatterns() {
        ClusterPlan plan = AddonFixtures.plan(AddonFixtures.FREE_TIER);
        Map<String, JsonNode> services = services(plan);

        JsonNode pub = services.get("public-web");
        assertThat(pub.path("spec").path("type").asString()).isEqualTo("LoadBalancer");
        assertThat(pub.path("spec").path("loadBalancerClass").asString()).isEqualTo("io.cilium/l2-announcer");
        assertThat(pub.path("spec").path("externalTrafficPolicy").asString()).isEqualTo("Cluster");
        // the LB IP the plan assigned, which the host's DNAT of the reserved IP targets
        String lbIp = plan.publicExposures().get(0).loadBalancerIp().toString();
        assertThat(pub.path("metadata").path("annotations").path("lbipam.cilium.io/ips").asString()).isEqualTo(lbIp).isEqualTo("10.0.0.193");
        assertThat(pub.path("spec").has("loadBalancerIP")).isFalse();

        JsonNode tailnet = services.get("internal-api");
        assertThat(tailnet.path("spec").path("type").asString()).isEqualTo("ClusterIP");
        assertThat(tailnet.path("metadata").path("annotations").path("tailscale.com/expose").asString()).isEqualTo("true");
        assertThat(tailnet.path("metadata").path("annotations").path("tailscale.com/hostname").asString()).isEqualTo("internal-api");
        assertThat(tailnet.path("metadata").path("labels").has("tailscale.com/expose")).as("an annotation, not a label").isFalse();

        JsonNode cluster = services.get("database");
        assertThat(cluster.path("spec").path("type").asString()).isEqualTo("ClusterIP");
        assertThat(cluster.path("metadata").has("annotations")).isFalse();
        assertThat(cluster.path("spec").path("ports").get(0).path("port").asInt()).isEqualTo(5432);
        assertThat(cluster.path("spec").path("selector").path("app").asString()).isEqualTo("database");
    }

    @Test
    void directTopologyPublicServiceUsesTheReservedIpOnAFreeFlexibleLoadBalancer() {
        Map<String, JsonNode> services = services(AddonFixtures.testPlan("direct-ccm"));
        JsonNode pub = services.get("public-web");
        assertThat(pub.path("spec").path("loadBalancerIP").asString()).isEqualTo("203.0.113.11");
        assertThat(pub.path("spec").has("loadBalancerClass")).isFalse();
        JsonNode annotations = pub.path("metadata").path("annotations");
        // the network load balancer is the API's; the Always Free flexible one has 10 Mbps, minimum and maximum
        assertThat(annotations.path("oci.oraclecloud.com/load-balancer-type").asString()).isEqualTo("lb");
        assertThat(annotations.path("service.beta.kubernetes.io/oci-load-balancer-shape").asString()).isEqualTo("flexible");
        assertThat(annotations.path("service.beta.kubernetes.io/oci-load-balancer-shape-flex-min").asString()).isEqualTo("10");
        assertThat(annotations.path("service.beta.kubernetes.io/oci-load-balancer-shape-flex-max").asString()).isEqualTo("10");
        // the CCM ignores its config file's mode for Services: only this annotation keeps it off the security lists
        assertThat(annotations.path("service.beta.kubernetes.io/oci-load-balancer-security-list-management-mode").asString())
                .isEqualTo("None");
        assertThat(pub.path("spec").path("externalTrafficPolicy").asString()).as("health-checked on :10256").isEqualTo("Cluster");
        assertThat(pub.toString()).doesNotContain("\"none\"");
        assertThat(pub.path("spec").path("ports")).extracting(p -> p.path("name").asString() + ":" + p.path("targetPort").asInt())
                .containsExactly("tcp-443:443", "tcp-80:8080");
        // selector keys in a stable order whatever map the spec record holds
        assertThat(services.get("metrics").path("spec").path("selector").propertyNames()).containsExactly("app", "tier");
    }

    @Test
    void patternsThatNothingCouldFulfilAreRefusedWithTheFix() {
        ClusterPlan direct = AddonFixtures.testPlan("direct-ccm");
        ClusterSpec noCcm = withAddons(direct.spec(), new Addons(direct.spec().addons().cilium(), direct.spec().addons().tailscale(),
                new Addons.OciCcm(false, Addons.OciCcm.Mode.FULL, null, null, null, null), direct.spec().addons().monitoring()));
        assertThatThrownBy(() -> AddonFixtures.folder(new ServicesComponent(), ClusterPlan.of(noCcm, "test")))
                .isInstanceOf(ManifestProblemException.class)
                .hasMessageContaining("services[public-web]").hasMessageContaining("addons.ociCcm.enabled: true");

        ClusterPlan freeTier = AddonFixtures.plan(AddonFixtures.FREE_TIER);
        ClusterSpec noTailscale = withAddons(freeTier.spec(), new Addons(freeTier.spec().addons().cilium(),
                new Addons.Tailscale(false, null, null, List.of()), freeTier.spec().addons().ociCcm(), freeTier.spec().addons().monitoring()));
        assertThatThrownBy(() -> AddonFixtures.folder(new ServicesComponent(), ClusterPlan.of(noTailscale, "test")))
                .isInstanceOf(ManifestProblemException.class)
                .hasMessageContaining("services[internal-api]").hasMessageContaining("addons.tailscale.enabled");
    }

    @Test
    void secondPublicServiceOnTheNestedTestSpecGetsTheUdpPort() {
        JsonNode web = services(AddonFixtures.testPlan("nested-two-pools")).get("web");
        assertThat(web.path("spec").path("ports")).extracting(p -> p.path("name").asString() + "/" + p.path("protocol").asString())
                .containsExactly("tcp-443/TCP", "udp-53/UDP");
        // no cloud controller may take this Service: the Cilium class keeps it away
        assertThat(web.path("spec").path("loadBalancerClass").asString()).isEqualTo("io.cilium/l2-announcer");
    }

    private Map<String, JsonNode> services(ClusterPlan plan) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (JsonNode s : Yaml.readAll(AddonFixtures.folder(new ServicesComponent(), plan).orElseThrow())) {
            out.put(s.path("metadata").path("name").asString(), s);
        }
        return out;
    }

    private static ClusterSpec withAddons(ClusterSpec s, Addons addons) {
        return new ClusterSpec(s.apiVersion(), s.kind(), s.metadata(), s.versions(), s.topology(), s.oci(), s.bastion(), s.proxmox(),
                s.network(), s.controlPlane(), s.nodes(), s.talos(), addons, s.namespaces(), s.services(), s.firewall(), s.manifestRepo(), s.secrets(),
                s.assertions(), s.manifests());
    }
}
