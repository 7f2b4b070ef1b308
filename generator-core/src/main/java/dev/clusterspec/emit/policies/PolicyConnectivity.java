package dev.clusterspec.emit.policies;

import dev.clusterspec.connectivity.ConnectivityAnalyzer;
import dev.clusterspec.connectivity.ConnectivityResult;
import dev.clusterspec.connectivity.KubeObject;
import dev.clusterspec.connectivity.KubeObjectReader;
import dev.clusterspec.connectivity.ManifestSet;
import dev.clusterspec.connectivity.ReachabilityAssertion;
import dev.clusterspec.yaml.Yaml;
import dev.clusterspec.plan.ClusterPlan;
import dev.clusterspec.plan.firewall.FirewallException;
import dev.clusterspec.spec.Addons;
import dev.clusterspec.spec.NamespaceSpec;
import dev.clusterspec.spec.ReachabilityAssertion.Expect;
import dev.clusterspec.spec.ServiceSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the generated policies (and the user's own) allow between workloads, by the connectivity
 * analyser: what the report shows and the spec's assertions are checked against. The spec declares no
 * workloads, so the analysis runs over representative pods: one per service (its selector labels and target ports), one
 * unlabelled pod per application namespace standing for any other workload there, CoreDNS, and the
 * Tailscale proxy and monitoring pods when those add-ons are on.
 */
public final class PolicyConnectivity {

    /** Label of the pod that stands for "any other pod" of a namespace; no policy selects it by label. */
    static final String REPRESENTATIVE = "clusterspec.dev/representative";

    private PolicyConnectivity() {}

    /** Connectivity of the representative pods under the generated policies (for the report's connectivity matrix). */
    public static ConnectivityResult analyse(ClusterPlan plan, PolicyDocuments policies) {
        return analyse(plan, policies, List.of());
    }

    /**
     * As above, with the user's own objects ({@code manifests.folder}) as well: their policies count
     * like the generated ones, their workloads join the representative pods, each named by its file.
     */
    public static ConnectivityResult analyse(ClusterPlan plan, PolicyDocuments policies, List<KubeObject> userObjects) {
        List<JsonNode> trees = new ArrayList<>(representativeWorkloads(plan));
        trees.addAll(policies.all());
        ManifestSet generated = KubeObjectReader.readTrees("generated network policies", trees);
        List<KubeObject> objects = new ArrayList<>(generated.objects());
        objects.addAll(userObjects);
        return ConnectivityAnalyzer.analyze(new ManifestSet(objects, generated.warnings()));
    }

    /** Namespaces and pods standing for the cluster's workloads, in a stable order. */
    static List<JsonNode> representativeWorkloads(ClusterPlan plan) {
        List<JsonNode> trees = new ArrayList<>();
        trees.add(namespace("kube-system"));
        trees.add(pod("kube-system", "coredns", Map.of("k8s-app", "kube-dns"),
                List.of(new Port("dns", 53, "UDP"), new Port("dns-tcp", 53, "TCP"))));
        Addons addons = plan.spec().addons();
        if (addons.tailscale().enabled()) {
            trees.add(namespace("tailscale"));
            trees.add(pod("tailscale", "proxy", Map.of("app", "tailscale-proxy"), List.of()));
        }
        if (addons.monitoring().alloy() != null && addons.monitoring().alloy().enabled()) {
            trees.add(namespace(addons.monitoring().namespace()));
            trees.add(pod(addons.monitoring().namespace(), "alloy", Map.of("app", "alloy"), List.of()));
        }
        for (NamespaceSpec namespace : plan.spec().namespaces()) {
            trees.add(namespace(namespace.name()));
            trees.add(pod(namespace.name(), "any-pod", Map.of(REPRESENTATIVE, "any"), List.of()));
        }
        for (ServiceSpec service : plan.spec().services()) {
            List<Port> ports = service.ports().stream()
                    .map(p -> new Port(null, p.targetPort(), p.protocol().name())).toList();
            trees.add(pod(service.namespace(), service.name(), service.selector(), ports));
        }
        return trees;
    }

    private record Port(String name, int number, String protocol) {}

    private static ObjectNode namespace(String name) {
        ObjectNode ns = Yaml.object().put("apiVersion", "v1").put("kind", "Namespace");
        ns.putObject("metadata").put("name", name);
        return ns;
    }

    private static ObjectNode pod(String namespace, String name, Map<String, String> labels, List<Port> ports) {
        ObjectNode pod = Yaml.object().put("apiVersion", "v1").put("kind", "Pod");
        ObjectNode metadata = pod.putObject("metadata").put("name", name).put("namespace", namespace);
        ObjectNode podLabels = metadata.putObject("labels");
        new java.util.TreeMap<>(labels).forEach(podLabels::put);
        ObjectNode container = pod.putObject("spec").putArray("containers").addObject().put("name", "main").put("image", "representative");
        ArrayNode containerPorts = container.putArray("ports");
        for (Port port : ports) {
            ObjectNode p = containerPorts.addObject();
            if (port.name() != null) {
                p.put("name", port.name());
            }
            p.put("containerPort", port.number()).put("protocol", port.protocol());
        }
        return pod;
    }
}
