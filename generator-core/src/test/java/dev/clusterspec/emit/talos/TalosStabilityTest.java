package dev.clusterspec.emit.talos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterspec.Examples;
import dev.clusterspec.emit.OutputFile;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Our configs against Talos's own: the v1.13 stability fixtures ({@code talos/stability/v1.13}) are
 * what Talos's generator makes from a known secrets bundle and known settings. We feed the same
 * bundle and the same settings (as far as a cluster spec can say them, see the test specs) through
 * our emitter and require that every field upstream sets is set by ours to the same value, except the
 * listed differences, each with its reason. A listed difference that no longer occurs fails the test
 * too, so the list stays true. Fields only we set are checked against a list of reasoned additions.
 */
class TalosStabilityTest {

    /** Upstream fields we deliberately write differently or not at all, in every flavour. */
    private static final Map<String, String> ALWAYS = ordered(
            "v1alpha1:persist",
            "not written: Talos 1.12 deprecated it as unsupported, absent means true, and the published schema rejects the key",
            "HostnameConfig:auto",
            "the spec names every node, so the config sets hostname: <node>; auto and hostname conflict");

    private static final Map<String, String> CONTROL_PLANE_ONLY = ordered(
            "v1alpha1:cluster.proxy.image",
            "kube-proxy is disabled (proxy.disabled: true) because Cilium's kube-proxy replacement takes its place, so it has no image");

    /** Settings of the overrides flavour a cluster spec has no field for, or sets on purpose otherwise. */
    private static final Map<String, String> OVERRIDES = ordered(
            "v1alpha1:machine.certSANs",
            "extra SANs (foo, bar) have no spec field: the spec derives the SANs from the endpoint, VIP and control-plane IPs",
            "v1alpha1:machine.kubelet.extraMounts",
            "comes from a config patch (kubelet extraMounts); the spec has no patches",
            "v1alpha1:machine.install.extraKernelArgs",
            "no spec field: with grubUseUKICmdline (1.12+ default) kernel arguments belong in the installer image",
            "v1alpha1:machine.sysctls",
            "no spec field for sysctls",
            "v1alpha1:cluster.controlPlane.localAPIServerPort",
            "the spec ties the API server's port to the endpoint port (the VIP lands on a control plane); here both stay 6443",
            "v1alpha1:cluster.network.cni",
            "the custom CNI URL is replaced on purpose: cni.name none, Cilium is installed inline",
            "v1alpha1:cluster.apiServer.certSANs",
            "extra SANs (foo, bar) have no spec field; the spec's SANs take these positions",
            "v1alpha1:cluster.allowSchedulingOnControlPlanes",
            "derived, not set: control planes run workloads only when the cluster has no workers",
            "RegistryMirrorConfig/ghcr.io:",
            "no spec field for registry mirrors");

    /** What only our configs set, by path prefix. */
    private static final Map<String, String> ADDITIONS = ordered(
            "v1alpha1:machine.kubelet.nodeIP.validSubnets", "kubelet node IP from the node network only",
            "v1alpha1:machine.install.disk", "install disk from the spec (gen config passes /dev/sda; the fixture passes none)",
            "v1alpha1:machine.install.image", "the Image Factory installer of the cluster's schematic and platform (nocloud on Proxmox, oracle on OCI)",
            "v1alpha1:cluster.network.cni.name", "no CNI from Talos: Cilium replaces it",
            "v1alpha1:cluster.proxy.disabled", "no kube-proxy: Cilium replaces it",
            "v1alpha1:cluster.apiServer.certSANs", "the endpoint, the VIP and the control-plane IPs",
            "v1alpha1:cluster.etcd.advertisedSubnets", "etcd advertises on the node network only",
            "v1alpha1:cluster.inlineManifests", "Cilium inline on the control planes",
            "HostnameConfig:hostname", "static hostname",
            "LinkAliasConfig/", "the node's NIC found by the MAC its VM definition gives it (Proxmox VMs)",
            "LinkConfig/", "the node's NIC, address and default route",
            "Layer2VIPConfig/", "the control-plane VIP",
            "ResolverConfig:", "DNS resolvers",
            "TimeSyncConfig:", "NTP servers",
            "NetworkDefaultActionConfig:", "ingress firewall: block by default",
            "NetworkRuleConfig/", "ingress firewall: allowed flows");

    @Test
    void baseControlPlane() throws IOException {
        compare("base-controlplane", "stability-base.yaml", "talos/cp-1.yaml", merge(ALWAYS, CONTROL_PLANE_ONLY));
    }

    @Test
    void baseWorker() throws IOException {
        compare("base-worker", "stability-base.yaml", "talos/w-1.yaml", ALWAYS);
    }

    @Test
    void overridesControlPlane() throws IOException {
        compare("overrides-controlplane", "stability-overrides.yaml", "talos/cp-1.yaml", merge(ALWAYS, CONTROL_PLANE_ONLY, OVERRIDES));
    }

    @Test
    void overridesWorker() throws IOException {
        Map<String, String> workerOverrides = new LinkedHashMap<>(OVERRIDES);
        // these live in sections workers do not have
        workerOverrides.keySet().removeIf(k -> k.contains("apiServer") || k.contains("localAPIServerPort") || k.contains("allowScheduling"));
        compare("overrides-worker", "stability-overrides.yaml", "talos/w-1.yaml", merge(ALWAYS, workerOverrides));
    }

    private static void compare(String fixture, String spec, String node, Map<String, String> differences) throws IOException {
        Map<String, String> upstream = FlatConfig.of(Files.readString(Examples.reference().resolve("talos/stability/v1.13/" + fixture + ".yaml")));
        OutputFile ours = TalosFixtures.emitByPath(TalosFixtures.testSpec(spec)).get(node);
        Map<String, String> mine = FlatConfig.of(ours.text());

        List<String> unexplained = new ArrayList<>();
        Map<String, Integer> used = new TreeMap<>();
        int equal = 0;
        for (Map.Entry<String, String> field : upstream.entrySet()) {
            String listed = matching(differences, field.getKey());
            if (listed != null) {
                used.merge(listed, 1, Integer::sum);
                continue;
            }
            if (field.getValue().equals(mine.get(field.getKey()))) {
                equal++;
            } else {
                unexplained.add(field.getKey() + ": upstream " + field.getValue() + ", ours " + mine.get(field.getKey()));
            }
        }
        assertThat(unexplained).as("upstream fields of %s that %s sets differently, without a listed reason", fixture, node).isEmpty();
        assertThat(used.keySet()).as("listed differences that no longer occur in %s", fixture)
                .containsExactlyInAnyOrderElementsOf(differences.keySet());
        assertThat(equal).as("fields equal to upstream").isGreaterThan(upstream.size() / 2);

        List<String> unlisted = new ArrayList<>();
        for (String path : new TreeSet<>(mine.keySet())) {
            if (!upstream.containsKey(path) && matching(ADDITIONS, path) == null && matching(differences, path) == null) {
                unlisted.add(path + " = " + mine.get(path));
            }
        }
        assertThat(unlisted).as("fields only %s sets, not among the reasoned additions", node).isEmpty();
        System.out.printf("talos stability %s: %d upstream fields, %d equal, %d under %d listed differences; %d fields only ours%n",
                fixture, upstream.size(), equal, upstream.size() - equal, differences.size(),
                mine.keySet().stream().filter(k -> !upstream.containsKey(k)).count());
    }

    private static String matching(Map<String, String> prefixes, String path) {
        return prefixes.keySet().stream().filter(path::startsWith).findFirst().orElse(null);
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put(pairs[i], pairs[i + 1]);
        }
        return out;
    }

    @SafeVarargs
    private static Map<String, String> merge(Map<String, String>... maps) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map<String, String> map : maps) {
            out.putAll(map);
        }
        return out;
    }
}
