package dev.clusterspec.emit.cilium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clusterspec.emit.AddonFixtures;
import dev.clusterspec.yaml.Yaml;
import dev.clusterspec.emit.catalog.VersionCatalog;
import dev.clusterspec.emit.manifests.KubeDocuments;
import dev.clusterspec.emit.workloads.ServicesComponent;
import dev.clusterspec.emit.manifests.ManifestProblemException;
import dev.clusterspec.plan.ClusterPlan;
import dev.clusterspec.spec.Cidr;
import dev.clusterspec.spec.Ip;
import dev.clusterspec.spec.Addons;
import dev.clusterspec.spec.ClusterSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** How the spec shapes the Cilium manifests beyond the Talos values the comparison test covers. */
class CiliumComponentsTest {

    @Test
    void clientLimitsGrowWithTheAnnouncedServices() {
        assertThat(L2ClientRateLimits.forAnnouncedServices(0)).isEqualTo(new L2ClientRateLimits(10, 20));
        assertThat(L2ClientRateLimits.forAnnouncedServices(1)).isEqualTo(new L2ClientRateLimits(11, 22));
        assertThat(L2ClientRateLimits.forAnnouncedServices(20)).isEqualTo(new L2ClientRateLimits(20, 40));
        assertThatThrownBy(() -> L2ClientRateLimits.forAnnouncedServices(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(CiliumSettings.of(AddonFixtures.plan(AddonFixtures.MINIMAL), VersionCatalog.bundled()).announcedServices()).isZero();
    }

    @Test
    void socketLbStaysInTheHostNamespaceExactlyWhenTheTailscaleOperatorIsOn() {
        assertThat(config(AddonFixtures.plan(AddonFixtures.FREE_TIER)).path("bpf-lb-sock-hostns-only").asString()).isEqualTo("true");
        assertThat(config(AddonFixtures.plan(AddonFixtures.MINIMAL)).has("bpf-lb-sock-hostns-only")).isFalse();
    }

    @Test
    void devicesAreTheNodesInterfaces() {
        // the kernel's name of the one NIC: both platform images boot with net.ifnames=0
        assertThat(config(AddonFixtures.plan(AddonFixtures.FREE_TIER)).path("devices").asString()).isEqualTo("eth0");
        assertThat(config(AddonFixtures.testPlan("direct-ccm")).path("devices").asString()).isEqualTo("eth0");
    }

    @Test
    void ciliumServesTheKubeProxyHealthPortOnlyWhereOciLoadBalancersProbeIt() {
        assertThat(config(AddonFixtures.testPlan("direct-ccm")).path("kube-proxy-replacement-healthz-bind-address").asString())
                .isEqualTo("0.0.0.0:10256");
        assertThat(config(AddonFixtures.plan(AddonFixtures.FREE_TIER)).path("kube-proxy-replacement-healthz-bind-address").asString())
                .isEmpty();
    }

    @Test
    void hubbleRelayAndMetricsOffLeaveOutTheirObjectsAndSettings() {
        ClusterPlan plan = AddonFixtures.testPlan("nested-two-pools");
        Map<String, JsonNode> objects = objects(plan);
        assertThat(objects.keySet()).noneMatch(id -> id.contains("hubble-relay") || id.contains("hubble-metrics"));
        assertThat(objects).containsKeys("Service/kube-system/hubble-peer", "Job/kube-system/hubble-generate-certs");
        JsonNode config = objects.get("ConfigMap/kube-system/cilium-config").path("data");
        assertThat(config.has("hubble-metrics")).isFalse();
        assertThat(config.has("prometheus-serve-addr")).isFalse();
        assertThat(config.path("enable-hubble").asString()).isEqualTo("true");
        JsonNode agent = objects.get("DaemonSet/kube-system/cilium").path("spec").path("template");
        assertThat(agent.path("spec").path("containers").get(0).has("ports")).isFalse();
        assertThat(agent.path("metadata").path("annotations").has("prometheus.io/scrape")).isFalse();
        String certgenConfig = objects.get("Job/kube-system/hubble-generate-certs").path("spec").path("template").path("spec")
                .path("containers").get(0).path("env").get(0).path("value").asString();
        assertThat(certgenConfig).contains("name: hubble-server-certs").doesNotContain("hubble-relay-client-certs");
    }

    @Test
    void theInstallHoldsNoKeyMaterialAndIsTheSameEveryTime() {
        ClusterPlan plan = AddonFixtures.plan(AddonFixtures.FREE_TIER);
        String first = AddonFixtures.folder(new CiliumInstall(), plan).orElseThrow();
        assertThat(first).doesNotContain("kind: Secret").doesNotContain("PRIVATE KEY").doesNotContain("BEGIN CERTIFICATE");
        assertThat(AddonFixtures.folder(new CiliumInstall(), plan).orElseThrow()).isEqualTo(first);
    }

    /**
     * A service's pool is the one Cilium allocates from: exactly one pool selects the Service by its
     * labels, and that pool holds the address the Service requests (the one the host DNATs to).
     */
    @Test
    void eachPublicServiceGetsItsAddressFromThePoolItNames() {
        ClusterPlan plan = AddonFixtures.testPlan("nested-two-pools");
        List<JsonNode> pools = Yaml.readAll(AddonFixtures.folder(new CiliumLoadBalancing(), plan).orElseThrow()).stream()
                .filter(o -> o.path("kind").asString().equals("CiliumLoadBalancerIPPool")).toList();
        List<JsonNode> services = Yaml.readAll(AddonFixtures.folder(new ServicesComponent(), plan).orElseThrow());
        assertThat(plan.publicExposures()).extracting(e -> e.service().name() + " " + e.poolName() + " " + e.loadBalancerIp())
                .containsExactly("web lan-a 10.0.0.193", "admin-api lan-b 10.0.0.209");
        for (JsonNode service : services) {
            if (!service.path("spec").path("type").asString().equals("LoadBalancer")) {
                continue;
            }
            JsonNode labels = service.path("metadata").path("labels");
            List<JsonNode> selecting = pools.stream().filter(pool -> {
                JsonNode match = pool.path("spec").path("serviceSelector").path("matchLabels");
                return match.size() > 0 && match.properties().stream()
                        .allMatch(e -> labels.path(e.getKey()).asString("").equals(e.getValue().asString()));
            }).toList();
            assertThat(selecting).as(service.path("metadata").path("name").asString()).hasSize(1);
            Cidr block = Cidr.of(selecting.get(0).path("spec").path("blocks").get(0).path("cidr").asString());
            String requested = service.path("metadata").path("annotations").path("lbipam.cilium.io/ips").asString();
            assertThat(block.contains(Ip.of(requested))).as(requested + " in " + block).isTrue();
        }
    }

    @Test
    void onePoolPerSpecPoolAndAnL2PolicyOnTheSpecsInterfaces() {
        ClusterPlan plan = AddonFixtures.testPlan("nested-two-pools");
        List<JsonNode> objects = Yaml.readAll(AddonFixtures.folder(new CiliumLoadBalancing(), plan).orElseThrow());
        assertThat(objects).extracting(KubeDocuments::id).containsExactly("CiliumLoadBalancerIPPool/lan-a",
                "CiliumLoadBalancerIPPool/lan-b", "CiliumL2AnnouncementPolicy/l2-loadbalancer-ips");
        assertThat(objects.get(0).path("apiVersion").asString()).isEqualTo("cilium.io/v2");
        assertThat(objects.get(0).path("spec").path("blocks").get(0).path("cidr").asString()).isEqualTo("10.0.0.192/28");
        // the plan never hands out a block's first address, and neither may LB IPAM
        assertThat(objects.get(0).path("spec").path("allowFirstLastIPs").asString()).isEqualTo("No");
        assertThat(plan.publicExposures().get(0).loadBalancerIp().toString()).isEqualTo("10.0.0.193");
        JsonNode policy = objects.get(2);
        assertThat(policy.path("apiVersion").asString()).isEqualTo("cilium.io/v2alpha1");
        assertThat(policy.path("spec").path("loadBalancerIPs").asBoolean()).isTrue();
        assertThat(policy.path("spec").path("interfaces").get(0).asString()).isEqualTo("^eth0$");
        assertThat(AddonFixtures.folder(new CiliumLoadBalancing(), AddonFixtures.plan(AddonFixtures.MINIMAL))).isEmpty();
    }

    @Test
    void theHubbleUiIsRefusedRatherThanSilentlyLeftOut() {
        ClusterSpec s = AddonFixtures.plan(AddonFixtures.MINIMAL).spec();
        Addons addons = new Addons(new Addons.Cilium(new Addons.Hubble(true, true, true, true), s.addons().cilium().l2()),
                s.addons().tailscale(), s.addons().ociCcm(), s.addons().monitoring());
        ClusterSpec withUi = new ClusterSpec(s.apiVersion(), s.kind(), s.metadata(), s.versions(), s.topology(), s.oci(), s.bastion(),
                s.proxmox(), s.network(), s.controlPlane(), s.nodes(), s.talos(), addons, s.namespaces(), s.services(), s.firewall(),
                s.manifestRepo(), s.secrets(), s.assertions(), s.manifests());
        assertThatThrownBy(() -> CiliumInstall.objects(ClusterPlan.of(withUi, "test"), VersionCatalog.bundled()))
                .isInstanceOf(ManifestProblemException.class).hasMessageContaining("addons.cilium.hubble.ui");
    }

    private JsonNode config(ClusterPlan plan) {
        return objects(plan).get("ConfigMap/kube-system/cilium-config").path("data");
    }

    private Map<String, JsonNode> objects(ClusterPlan plan) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        CiliumInstall.objects(plan, VersionCatalog.bundled()).forEach(o -> out.put(KubeDocuments.id(o), o));
        return out;
    }
}
