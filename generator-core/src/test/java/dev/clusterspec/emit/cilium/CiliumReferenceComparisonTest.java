package dev.clusterspec.emit.cilium;

import static dev.clusterspec.emit.manifests.ObjectDiff.Change.ADDED;
import static dev.clusterspec.emit.manifests.ObjectDiff.Change.CHANGED;
import static dev.clusterspec.emit.manifests.ObjectDiff.Change.REMOVED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterspec.Examples;
import dev.clusterspec.emit.AddonFixtures;
import dev.clusterspec.yaml.Yaml;
import dev.clusterspec.emit.catalog.VersionCatalog;
import dev.clusterspec.emit.manifests.KubeDocuments;
import dev.clusterspec.emit.manifests.ObjectDiff;
import dev.clusterspec.emit.manifests.ObjectDiff.Change;
import dev.clusterspec.emit.manifests.ObjectDiff.Difference;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Our Cilium install for the seed's cluster against the real Helm render of Cilium 1.18.12 with the
 * Talos values ({@code cilium/rendered-1.18.12-talos-values.yaml}), object by object: kinds and names,
 * every cilium-config key and value, containers, init containers, capabilities, env, mounts, probes,
 * RBAC rules and images (tag and digest). Every difference there is must be listed below with its
 * reason, and every listed difference must still be there.
 */
class CiliumReferenceComparisonTest {

    private static final String AGENT = "DaemonSet/kube-system/cilium";
    private static final String CONFIG = "ConfigMap/kube-system/cilium-config";

    /** A difference we make on purpose, and why. */
    record Expected(String object, String path, Change change, String reason) {
        Difference difference() {
            return new Difference(object, path, change);
        }
    }

    static final List<Expected> EXPECTED = List.of(
            // Hubble TLS: the chart generates a CA and keys at render time (random, private keys in the manifest);
            // we let Cilium's certgen create them in the cluster, so the manifest holds no key and is reproducible.
            new Expected("Secret/kube-system/cilium-ca", "", REMOVED, "Hubble CA is created in the cluster by certgen, not rendered"),
            new Expected("Secret/kube-system/hubble-server-certs", "", REMOVED, "Hubble server certificate is created in the cluster by certgen"),
            new Expected("Secret/kube-system/hubble-relay-client-certs", "", REMOVED, "relay client certificate is created in the cluster by certgen"),
            new Expected("ServiceAccount/kube-system/hubble-generate-certs", "", ADDED, "identity of the certgen job"),
            new Expected("Role/kube-system/hubble-generate-certs", "", ADDED, "certgen may create and update the Hubble secrets"),
            new Expected("RoleBinding/kube-system/hubble-generate-certs", "", ADDED, "binds the certgen role"),
            new Expected("Job/kube-system/hubble-generate-certs", "", ADDED, "creates the Hubble certificates once (the chart's post-install hook)"),
            new Expected("CronJob/kube-system/hubble-generate-certs", "", ADDED, "renews the Hubble certificates every four months"),
            // Hubble metrics are on (spec addons.cilium.hubble.metrics), the Talos values leave them off.
            new Expected("Service/kube-system/hubble-metrics", "", ADDED, "Hubble metrics are on: the Service monitoring scrapes"),
            new Expected(CONFIG, "/data/hubble-metrics-server", ADDED, "Hubble metrics are on"),
            new Expected(CONFIG, "/data/hubble-metrics-server-enable-tls", ADDED, "Hubble metrics are on (plain HTTP inside the cluster)"),
            new Expected(CONFIG, "/data/enable-hubble-open-metrics", ADDED, "Hubble metrics are on (Prometheus format)"),
            new Expected(CONFIG, "/data/hubble-metrics", ADDED, "Hubble metrics are on: dns drop tcp flow icmp http"),
            new Expected(AGENT, "/spec/template/spec/containers[cilium-agent]/ports", ADDED, "host ports of agent and Hubble metrics for the scraper"),
            // Monitoring (Alloy) is on in the example: the agent's own metrics endpoint is opened for it.
            new Expected(CONFIG, "/data/prometheus-serve-addr", ADDED, "agent metrics for Grafana Alloy"),
            new Expected(AGENT, "/spec/template/metadata/annotations/prometheus.io~1port", ADDED, "agent metrics for Grafana Alloy"),
            new Expected(AGENT, "/spec/template/metadata/annotations/prometheus.io~1scrape", ADDED, "agent metrics for Grafana Alloy"),
            // The nodes' one NIC by its kernel name (net.ifnames=0 in the nocloud and oracle images), not any eth+.
            new Expected(CONFIG, "/data/devices", CHANGED, "devices are the nodes' NIC (eth0), not every eth+"),
            new Expected(CONFIG, "/data/mtu", ADDED, "the bridge MTU of the spec (VCN 9000 less the hosts' VXLAN), not auto-detected"),
            // The Tailscale operator is on: pod traffic to ClusterIPs must go through the proxies' netfilter rules.
            new Expected(CONFIG, "/data/bpf-lb-sock-hostns-only", ADDED, "socketLB.hostNamespaceOnly, required by the Tailscale operator"),
            // L2 announcements: timings written out and API client limits sized to the announced services.
            new Expected(CONFIG, "/data/l2-announcements-lease-duration", ADDED, "L2 lease duration written out (Cilium default 15s)"),
            new Expected(CONFIG, "/data/l2-announcements-renew-deadline", ADDED, "L2 renew deadline written out (Cilium default 5s)"),
            new Expected(CONFIG, "/data/l2-announcements-retry-period", ADDED, "L2 retry period written out (Cilium default 2s)"),
            new Expected(CONFIG, "/data/k8s-client-qps", ADDED, "agent API client QPS sized to the number of announced services"),
            new Expected(CONFIG, "/data/k8s-client-burst", ADDED, "agent API client burst sized to the number of announced services"),
            // The chart's postStart hook only removes AWS VPC CNI iptables chains: nothing to remove on Talos/OCI.
            new Expected(AGENT, "/spec/template/spec/containers[cilium-agent]/lifecycle/postStart", REMOVED,
                    "AWS-VPC-CNI clean-up hook, irrelevant on Talos/OCI"));

    private static Map<String, JsonNode> reference;
    private static Map<String, JsonNode> ours;

    @BeforeAll
    static void render() throws IOException {
        String text = Files.readString(Examples.reference().resolve("cilium/rendered-1.18.12-talos-values.yaml"));
        reference = index(Yaml.readAll(text));
        ours = index(new ArrayList<>(CiliumInstall.objects(AddonFixtures.plan(AddonFixtures.FREE_TIER), VersionCatalog.bundled())));
    }

    @Test
    void differsFromTheUpstreamRenderOnlyWhereListed() {
        Set<Difference> actual = new LinkedHashSet<>(ObjectDiff.between(reference, ours));
        Set<Difference> expected = EXPECTED.stream().map(Expected::difference).collect(Collectors.toCollection(LinkedHashSet::new));

        Set<Difference> unexplained = new LinkedHashSet<>(actual);
        unexplained.removeAll(expected);
        Set<Difference> gone = new LinkedHashSet<>(expected);
        gone.removeAll(actual);
        assertThat(unexplained).as("differences from the upstream render that have no reason in EXPECTED").isEmpty();
        assertThat(gone).as("differences listed in EXPECTED that no longer exist").isEmpty();
        assertThat(EXPECTED).allSatisfy(e -> assertThat(e.reason()).isNotBlank());
    }

    @Test
    void everyReferenceObjectIsThereExceptTheRenderedSecrets() {
        Set<String> missing = new LinkedHashSet<>(reference.keySet());
        missing.removeAll(ours.keySet());
        assertThat(missing).containsExactlyInAnyOrder(
                "Secret/kube-system/cilium-ca", "Secret/kube-system/hubble-server-certs", "Secret/kube-system/hubble-relay-client-certs");
        assertThat(reference).hasSize(28);
    }

    @Test
    void configHasEveryUpstreamKeyWithTheSameValueButDevices() {
        JsonNode theirs = reference.get(CONFIG).path("data");
        JsonNode mine = ours.get(CONFIG).path("data");
        assertThat(theirs.size()).isEqualTo(147);
        for (String key : theirs.propertyNames()) {
            if (!key.equals("devices")) {
                assertThat(mine.path(key).asString()).as(key).isEqualTo(theirs.path(key).asString());
            }
        }
        assertThat(mine.path("devices").asString()).isEqualTo("eth0");
        assertThat(mine.path("kube-proxy-replacement").asString()).isEqualTo("true");
        assertThat(mine.path("ipam").asString()).isEqualTo("kubernetes");
        assertThat(mine.path("cgroup-root").asString()).isEqualTo("/sys/fs/cgroup");
        // one public service announced: 10 + 1 QPS, twice that as burst
        assertThat(mine.path("k8s-client-qps").asString()).isEqualTo("11");
        assertThat(mine.path("k8s-client-burst").asString()).isEqualTo("22");
    }

    @Test
    void imagesArePinnedByTagAndDigestAsInTheChart() {
        Map<String, String> theirs = images(reference);
        Map<String, String> mine = images(ours);
        theirs.forEach((container, image) -> assertThat(mine).containsEntry(container, image));
        assertThat(mine.values()).allSatisfy(image -> assertThat(image).matches("quay\\.io/cilium/[a-z-]+:v[^@]+@sha256:[0-9a-f]{64}"));
    }

    @Test
    void noCapabilityTalosForbidsAndTheTalosCapabilityLists() {
        String text = ours.values().stream().map(JsonNode::toString).collect(Collectors.joining());
        assertThat(text).doesNotContain("SYS_MODULE");
        JsonNode agent = ours.get(AGENT).path("spec").path("template").path("spec");
        assertThat(agent.path("containers").get(0).path("securityContext").path("capabilities").path("add").toString())
                .isEqualTo("[\"CHOWN\",\"KILL\",\"NET_ADMIN\",\"NET_RAW\",\"IPC_LOCK\",\"SYS_ADMIN\",\"SYS_RESOURCE\",\"DAC_OVERRIDE\",\"FOWNER\",\"SETGID\",\"SETUID\"]");
        assertThat(agent.path("initContainers").get(3).path("securityContext").path("capabilities").path("add").toString())
                .isEqualTo("[\"NET_ADMIN\",\"SYS_ADMIN\",\"SYS_RESOURCE\"]");
    }

    private static Map<String, String> images(Map<String, JsonNode> objects) {
        Map<String, String> out = new LinkedHashMap<>();
        objects.forEach((id, object) -> {
            JsonNode pod = object.path("spec").path("template").path("spec");
            for (String list : List.of("containers", "initContainers")) {
                pod.path(list).forEach(c -> out.put(id + "/" + c.path("name").asString(), c.path("image").asString()));
            }
        });
        return out;
    }

    /** Objects by id, normalised so that only meaningful differences remain. */
    private static Map<String, JsonNode> index(List<JsonNode> objects) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (JsonNode object : objects) {
            JsonNode copy = normalise(object.deepCopy());
            out.put(KubeDocuments.id(copy), copy);
        }
        return out;
    }

    /**
     * Helm writes empty annotations and priorityClassName (null), quotes some names, and writes file
     * modes as YAML 1.1 octal (0400); embedded documents (Envoy bootstrap JSON, relay config YAML)
     * are compared by content, not layout.
     */
    private static JsonNode normalise(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (String key : new ArrayList<>(object.propertyNames())) {
                JsonNode value = object.get(key);
                if (value.isNull()) {
                    object.remove(key);
                } else if (key.equals("defaultMode") && value.isString() && value.asString().matches("0[0-7]+")) {
                    object.put(key, Integer.parseInt(value.asString(), 8));
                } else if (key.equals("bootstrap-config.json") && value.isString()) {
                    object.set(key, JsonMapper.shared().readTree(value.asString()));
                } else if (key.equals("config.yaml") && value.isString()) {
                    object.set(key, normalise(Yaml.readAll(value.asString()).get(0)));
                } else {
                    normalise(value);
                }
            }
        } else if (node.isArray()) {
            node.forEach(CiliumReferenceComparisonTest::normalise);
        }
        return node;
    }
}
