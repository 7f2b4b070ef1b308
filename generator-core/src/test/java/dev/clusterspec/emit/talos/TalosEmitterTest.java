package dev.clusterspec.emit.talos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clusterspec.ExampleCopy;
import dev.clusterspec.check.SpecValidator;
import dev.clusterspec.emit.OutputFile;
import dev.clusterspec.yaml.Yaml;
import dev.clusterspec.emit.manifests.InlineManifest;
import dev.clusterspec.emit.manifests.ManifestRepoContent;
import dev.clusterspec.load.LoadedSpec;
import dev.clusterspec.plan.ClusterPlan;
import dev.clusterspec.load.SecretResolver;
import java.time.Clock;
import java.time.Duration;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import dev.clusterspec.verify.TalosSchemaValidator;

/** What the emitter writes for whom, and that the same inputs give the same bytes. */
class TalosEmitterTest {

    static List<String> examples() {
        return TalosFixtures.EXAMPLES;
    }

    @ParameterizedTest
    @MethodSource("examples")
    void sameSpecAndBundleGiveByteIdenticalOutputs(String example) {
        List<OutputFile> first = TalosFixtures.emit(TalosFixtures.example(example));
        List<OutputFile> second = TalosFixtures.emit(TalosFixtures.example(example));
        assertThat(second).hasSameSizeAs(first);
        for (int i = 0; i < first.size(); i++) {
            assertThat(second.get(i).path()).isEqualTo(first.get(i).path());
            assertThat(second.get(i).content()).as(first.get(i).path()).isEqualTo(first.get(i).content());
        }
    }

    @Test
    void nodeConfigsDoNotDependOnTheClock() {
        LoadedSpec spec = TalosFixtures.example("oci-free-tier");
        ClusterPlan plan = ClusterPlan.of(spec);
        SecretResolver secrets = SecretResolver.forSpec(spec.file());
        Clock later = Clock.offset(TalosFixtures.CLOCK, Duration.ofDays(3 * 365));
        List<OutputFile> now = TalosFixtures.emit(spec);
        List<OutputFile> then = new TalosEmitter(later).emit(plan, TalosFixtures.referenceBundle(), TalosFixtures.manifests(plan),
                TalosFixtures.secretManifests(plan, secrets), secrets);
        for (int i = 0; i < now.size(); i++) {
            if (now.get(i).path().endsWith(".yaml")) {
                assertThat(then.get(i).text()).as(now.get(i).path()).isEqualTo(now.get(i).text());
            }
        }
    }

    @Test
    void everyNodeGetsASecretConfigAndTheOperatorATalosconfig() {
        List<OutputFile> outputs = TalosFixtures.emit(TalosFixtures.example("oci-free-tier"));
        assertThat(outputs).extracting(OutputFile::path).containsExactly("talos/cp-1.yaml", "talos/cp-2.yaml", "talos/cp-3.yaml",
                "talos/w-1.yaml", "talos/w-2.yaml", "talos/w-3.yaml", "talos/talosconfig");
        assertThat(outputs).allMatch(OutputFile::secret);
    }

    @Test
    void documentsComeInAFixedOrderAndTheVipOnlyOnControlPlanes() {
        Map<String, OutputFile> outputs = TalosFixtures.emitByPath(TalosFixtures.example("oci-free-tier"));
        assertThat(kinds(outputs.get("talos/cp-1.yaml"))).startsWith("v1alpha1", "HostnameConfig", "LinkAliasConfig", "LinkConfig",
                "Layer2VIPConfig", "ResolverConfig", "TimeSyncConfig", "NetworkDefaultActionConfig", "NetworkRuleConfig");
        assertThat(kinds(outputs.get("talos/w-1.yaml"))).startsWith("v1alpha1", "HostnameConfig", "LinkAliasConfig", "LinkConfig",
                "ResolverConfig", "TimeSyncConfig", "NetworkDefaultActionConfig", "NetworkRuleConfig").doesNotContain("Layer2VIPConfig");

        List<JsonNode> cp = Yaml.readAll(outputs.get("talos/cp-2.yaml").text());
        assertThat(cp.get(1).get("hostname").asString()).isEqualTo("cp-2");
        assertThat(cp.get(2).get("name").asString()).isEqualTo("net0");
        assertThat(cp.get(2).at("/selector/match").asString()).matches("mac\\(link\\.permanent_addr\\) == \"[0-9a-f]{2}(:[0-9a-f]{2}){5}\"");
        assertThat(cp.get(3).get("name").asString()).isEqualTo("net0");
        assertThat(cp.get(3).get("addresses").get(0).get("address").asString()).isEqualTo("10.0.0.12/24");
        assertThat(cp.get(3).get("routes").get(0).get("gateway").asString()).isEqualTo("10.0.0.1");
        assertThat(cp.get(4).get("name").asString()).isEqualTo("10.0.0.10");
        assertThat(cp.get(4).get("link").asString()).isEqualTo("net0");
        assertThat(cp.get(5).get("nameservers")).extracting(n -> n.get("address").asString()).containsExactly("1.1.1.1", "9.9.9.9");
        assertThat(cp.get(6).get("ntp").get("servers")).extracting(JsonNode::asString).containsExactly("time.cloudflare.com");
    }

    @Test
    void controlPlanesCarryTheSeedSettings() {
        JsonNode config = v1alpha1(TalosFixtures.emitByPath(TalosFixtures.example("oci-free-tier")).get("talos/cp-1.yaml"));
        JsonNode cluster = config.get("cluster");
        assertThat(cluster.at("/network/cni/name").asString()).isEqualTo("none");
        assertThat(cluster.at("/proxy/disabled").asBoolean()).isTrue();
        assertThat(config.at("/machine/features/kubePrism/port").asInt()).isEqualTo(7445);
        assertThat(cluster.at("/controlPlane/endpoint").asString()).isEqualTo("https://10.0.0.10:6443");
        assertThat(cluster.at("/apiServer/certSANs")).extracting(JsonNode::asString)
                .containsExactly("10.0.0.10", "10.0.0.11", "10.0.0.12", "10.0.0.13", "127.0.0.1");
        assertThat(config.at("/machine/kubelet/nodeIP/validSubnets/0").asString()).isEqualTo("10.0.0.0/24");
        assertThat(cluster.at("/etcd/advertisedSubnets/0").asString()).isEqualTo("10.0.0.0/24");
        // the nocloud installer of the schematic with the QEMU guest agent (the ID the Talos Proxmox guide publishes)
        assertThat(config.at("/machine/install/image").asString())
                .isEqualTo("factory.talos.dev/nocloud-installer/ce4c980550dd2ab1b17bbf2b08801c7eb59418eafe8f279833297925d67c7515:v1.13.9");
        // the one disk the VM definitions put on the SCSI controller, by what it is, not by a device name
        assertThat(config.at("/machine/install/diskSelector/model").asString()).isEqualTo("QEMU HARDDISK");
        assertThat(config.at("/machine/install").has("disk")).isFalse();
        assertThat(cluster.at("/apiServer/admissionControl/0/configuration/defaults/enforce").asString()).isEqualTo("baseline");
        assertThat(cluster.has("externalCloudProvider")).as("nested: no external cloud provider").isFalse();
        assertThat(cluster.has("allowSchedulingOnControlPlanes")).isFalse();
        assertThat(config.at("/machine/nodeLabels").has(MachineSection.EXCLUDE_FROM_EXTERNAL_LB)).isTrue();

        assertThat(cluster.get("inlineManifests")).extracting(m -> m.get("name").asString())
                .containsExactly("cilium", "tailscale-operator-oauth");
        // the repo's files, then the spec's own URL (manifests.extraManifests)
        List<String> urls = new ArrayList<>();
        cluster.get("extraManifests").forEach(u -> urls.add(u.asString()));
        assertThat(urls.subList(0, urls.size() - 1)).isNotEmpty().allSatisfy(url -> assertThat(url)
                .matches("https://raw\\.githubusercontent\\.com/you/k8s-manifests-private/main/[a-z-]+/[0-9a-f]{16}\\.yaml"));
        assertThat(urls.get(urls.size() - 1)).startsWith("https://raw.githubusercontent.com/prometheus-operator/")
                .contains("?checksum=sha256:");
        assertThat(cluster.at("/extraManifestHeaders/Authorization").asString())
                .isEqualTo("token DEMO-VALUE-not-a-real-secret-github-fetch-token");
    }

    @Test
    void aSingleNodeClusterSchedulesOnItsControlPlaneAndStaysLoadBalancerEligible() {
        JsonNode config = v1alpha1(TalosFixtures.emitByPath(TalosFixtures.example("minimal")).get("talos/cp-1.yaml"));
        assertThat(config.at("/cluster/allowSchedulingOnControlPlanes").asBoolean()).isTrue();
        assertThat(config.at("/machine").has("nodeLabels")).isFalse();
        assertThat(config.at("/cluster").has("extraManifests")).as("no manifest repo").isFalse();
        assertThat(config.at("/cluster").has("extraManifestHeaders")).isFalse();
        assertThat(config.at("/cluster/inlineManifests")).extracting(m -> m.get("name").asString()).containsExactly("cilium");
    }

    @Test
    void directTopologyWithTheFullCcmTurnsOnTheExternalCloudProviderOnEveryNode() {
        Map<String, OutputFile> outputs = TalosFixtures.emitByPath(TalosFixtures.validatedTestSpec("direct-ccm.yaml"));
        for (String node : List.of("talos/cp-1.yaml", "talos/w-1.yaml")) {
            JsonNode config = v1alpha1(outputs.get(node));
            assertThat(config.at("/cluster/externalCloudProvider/enabled").asBoolean()).as(node).isTrue();
            assertThat(config.at("/cluster/externalCloudProvider").has("manifests")).as("CCM comes by extraManifests").isFalse();
            assertThat(config.at("/machine/kubelet/nodeIP/validSubnets/0").asString()).isEqualTo("10.1.0.0/24");
        }
        // the oracle platform configures eth0 by DHCP: no link document, no VIP (the VCN carries none)
        for (String node : List.of("talos/cp-1.yaml", "talos/w-1.yaml")) {
            List<String> kinds = Yaml.readAll(outputs.get(node).text()).stream().skip(1).map(d -> d.path("kind").asString()).toList();
            assertThat(kinds).as(node).startsWith("HostnameConfig", "ResolverConfig", "TimeSyncConfig")
                    .doesNotContain("LinkConfig", "LinkAliasConfig", "Layer2VIPConfig");
        }
        assertThat(Yaml.readAll(outputs.get("talos/w-1.yaml").text()).get(1).path("hostname").asString())
                .as("the instance's display name and hostname label, which the CCM looks up").isEqualTo("w-1");
    }

    @Test
    void directTopologyNamesTheApiLoadBalancerAsEndpointAndInTheCertificates() {
        Map<String, OutputFile> outputs = TalosFixtures.emitByPath(TalosFixtures.validatedTestSpec("direct-ccm.yaml"));
        JsonNode cp = v1alpha1(outputs.get("talos/cp-1.yaml"));
        assertThat(cp.at("/cluster/controlPlane/endpoint").asString()).as("the load balancer's private IP: the nodes never leave the VCN")
                .isEqualTo("https://10.1.0.10:6443");
        assertThat(cp.at("/cluster/apiServer/certSANs")).extracting(JsonNode::asString)
                .containsExactly("10.1.0.10", "k8s.example.com", "10.1.0.11", "127.0.0.1");
        // talosctl reaches the control planes' apid through the load balancer's addresses
        assertThat(cp.at("/machine/certSANs")).extracting(JsonNode::asString).containsExactly("10.1.0.10", "k8s.example.com");
        assertThat(v1alpha1(outputs.get("talos/w-1.yaml")).at("/machine/certSANs")).isEmpty();
        // the admins (10.1.0.0/16) are inside the VCN: talosctl goes to the load balancer's private IP
        assertThat(outputs.get("talos/talosconfig").text()).contains("- 10.1.0.10\n").doesNotContain("- 10.1.0.11");
    }

    @Test
    void secretInlineManifestsGoToControlPlanesOnlyAndSecretRepoEntriesAreNotInlinedTwice() {
        LoadedSpec spec = TalosFixtures.example("oci-free-tier");
        ClusterPlan plan = ClusterPlan.of(spec);
        SecretResolver secrets = SecretResolver.forSpec(spec.file());
        ManifestRepoContent base = TalosFixtures.manifests(plan);
        List<InlineManifest> inline = new ArrayList<>(base.inlineManifests());
        inline.add(new InlineManifest("hubble-tls", "kind: Secret\n", true));
        ManifestRepoContent withSecret = new ManifestRepoContent(base.files(), base.urlManifests(), inline);
        List<OutputFile> outputs = new TalosEmitter(TalosFixtures.CLOCK).emit(plan, TalosFixtures.referenceBundle(), withSecret,
                List.of(new InlineManifest("tailscale-operator-oauth", "kind: Secret\n", true)), secrets);
        JsonNode cp = v1alpha1(outputs.get(0));
        assertThat(cp.at("/cluster/inlineManifests")).extracting(m -> m.get("name").asString())
                .containsExactly("cilium", "tailscale-operator-oauth");
        assertThat(v1alpha1(outputs.get(3)).at("/cluster").has("inlineManifests")).isFalse();
    }

    @Test
    void duplicateInlineManifestNamesAreRefused() {
        LoadedSpec spec = TalosFixtures.example("minimal");
        ClusterPlan plan = ClusterPlan.of(spec);
        SecretResolver secrets = SecretResolver.forSpec(spec.file());
        assertThatThrownBy(() -> new TalosEmitter(TalosFixtures.CLOCK).emit(plan, TalosFixtures.referenceBundle(),
                TalosFixtures.manifests(plan), List.of(new InlineManifest("cilium", "kind: Secret\n", true)), secrets))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("two inline manifests for the Talos control planes are named cilium");
    }

    @Test
    void theFetchTokenIsReadOnlyWhenThereIsSomethingToFetch(@TempDir Path empty) {
        // the example without its own URL: then the repo's URLs are all there is to fetch
        LoadedSpec spec = new SpecValidator().validate(ExampleCopy.of("oci-free-tier", empty.resolve("project"))
                .withoutExtraManifests().spec()).loaded();
        ClusterPlan plan = ClusterPlan.of(spec);
        // resolves nothing: any attempt to read the token fails the emit
        SecretResolver nothing = new SecretResolver(empty, name -> null);
        ManifestRepoContent noUrls = new ManifestRepoContent(List.of(), List.of(), TalosFixtures.manifests(plan).inlineManifests());
        JsonNode cp = v1alpha1(new TalosEmitter(TalosFixtures.CLOCK)
                .emit(plan, TalosFixtures.referenceBundle(), noUrls, List.of(), nothing).get(0));
        assertThat(cp.at("/cluster").has("extraManifestHeaders")).isFalse();
        assertThat(cp.at("/cluster").has("extraManifests")).isFalse();

        assertThatThrownBy(() -> new TalosEmitter(TalosFixtures.CLOCK)
                .emit(plan, TalosFixtures.referenceBundle(), TalosFixtures.manifests(plan), List.of(), nothing))
                .isInstanceOf(SecretResolver.MissingSecretException.class)
                .hasMessageContaining("${file:secrets/github-fetch-token.demo}")
                .hasMessageNotContaining("DEMO-VALUE");
    }

    private static List<String> kinds(OutputFile config) {
        return Yaml.readAll(config.text()).stream().map(d -> TalosSchemaValidator.kindOf(d).orElseThrow()).toList();
    }

    private static JsonNode v1alpha1(OutputFile config) {
        return Yaml.readAll(config.text()).get(0);
    }
}
