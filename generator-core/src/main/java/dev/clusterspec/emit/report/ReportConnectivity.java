package dev.clusterspec.emit.report;

import dev.clusterspec.connectivity.ConnectivityAnalyzer;
import dev.clusterspec.connectivity.ConnectivityResult;
import dev.clusterspec.emit.Yaml;
import dev.clusterspec.emit.policies.NetworkPolicyEmitter;
import dev.clusterspec.plan.ClusterPlan;
import dev.clusterspec.plan.firewall.FirewallPlan;
import dev.clusterspec.spec.Addons;
import dev.clusterspec.spec.NamespaceSpec;
import dev.clusterspec.spec.ServiceSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The connectivity the generated policies allow, for the workloads the spec implies. The manifest repo
 * holds policies and Services but not the user's workloads, and the analyser reasons about pods; so
 * each spec service stands for one Deployment whose pods carry the service's selector labels and
 * target ports, next to the system pods the policies name: CoreDNS, the Tailscale operator and one
 * proxy per tailnet service, and the monitoring agent.
 */
public final class ReportConnectivity {

    /** The stand-in workloads' label, so that nobody mistakes them for real objects. */
    static final String STAND_IN_LABEL = "clusterspec.dev/stand-in";
    private static final String TAILSCALE_NAMESPACE = "tailscale";

    private ReportConnectivity() {}

    public static ConnectivityResult of(FirewallPlan firewall) {
        List<JsonNode> trees = new ArrayList<>(NetworkPolicyEmitter.documents(firewall).all());
        trees.addAll(standIns(firewall.cluster()));
        return ConnectivityAnalyzer.analyzeTrees("generated policies", trees);
    }

    /** Namespaces and stand-in workloads for {@code plan}, in a stable order. */
    static List<JsonNode> standIns(ClusterPlan plan) {
        List<JsonNode> trees = new ArrayList<>();
        for (NamespaceSpec namespace : plan.spec().namespaces()) {
            trees.add(namespace(namespace.name()));
        }
        trees.add(namespace("kube-system"));
        trees.add(workload("Deployment", "kube-system", "coredns", Map.of("k8s-app", "kube-dns"),
                List.of(port("dns", 53, "UDP"), port("dns-tcp", 53, "TCP"), port("metrics", 9153, "TCP"))));
        for (ServiceSpec service : plan.spec().services()) {
            List<ObjectNode> ports = new ArrayList<>();
            for (ServiceSpec.Port p : service.ports()) {
                ports.add(port(null, p.targetPort(), p.protocol().name()));
            }
            trees.add(workload("Deployment", service.namespace(), service.name(), service.selector(), ports));
        }
        Addons.Tailscale tailscale = plan.spec().addons().tailscale();
        if (tailscale != null && tailscale.enabled()) {
            trees.add(namespace(TAILSCALE_NAMESPACE));
            trees.add(workload("Deployment", TAILSCALE_NAMESPACE, "operator", Map.of("app", "operator"), List.of()));
            for (ServiceSpec service : plan.services(ServiceSpec.Exposure.TAILNET)) {
                trees.add(workload("StatefulSet", TAILSCALE_NAMESPACE, "ts-" + service.name(),
                        Map.of("tailscale.com/parent-resource", service.name()), List.of()));
            }
        }
        Addons.Monitoring monitoring = plan.spec().addons().monitoring();
        if (monitoring != null && monitoring.alloy() != null && monitoring.alloy().enabled()) {
            trees.add(namespace(monitoring.namespace()));
            trees.add(workload("Deployment", monitoring.namespace(), "alloy", Map.of("app.kubernetes.io/name", "alloy"), List.of()));
        }
        return trees;
    }

    private static ObjectNode namespace(String name) {
        ObjectNode ns = Yaml.object();
        ns.put("apiVersion", "v1");
        ns.put("kind", "Namespace");
        ns.putObject("metadata").put("name", name);
        return ns;
    }

    private static ObjectNode workload(String kind, String namespace, String name, Map<String, String> labels, List<ObjectNode> ports) {
        ObjectNode w = Yaml.object();
        w.put("apiVersion", "apps/v1");
        w.put("kind", kind);
        ObjectNode metadata = w.putObject("metadata");
        metadata.put("name", name);
        metadata.put("namespace", namespace);
        metadata.putObject("labels").put(STAND_IN_LABEL, "true");
        ObjectNode spec = w.putObject("spec");
        ObjectNode selector = spec.putObject("selector").putObject("matchLabels");
        ObjectNode template = spec.putObject("template");
        ObjectNode podLabels = template.putObject("metadata").putObject("labels");
        new TreeMap<>(labels).forEach((k, v) -> {
            selector.put(k, v);
            podLabels.put(k, v);
        });
        ObjectNode container = template.putObject("spec").putArray("containers").addObject();
        container.put("name", name);
        container.put("image", "stand-in");
        if (!ports.isEmpty()) {
            ArrayNode list = container.putArray("ports");
            ports.forEach(list::add);
        }
        return w;
    }

    private static ObjectNode port(String name, int number, String protocol) {
        ObjectNode p = Yaml.object();
        if (name != null) {
            p.put("name", name);
        }
        p.put("containerPort", number);
        p.put("protocol", protocol);
        return p;
    }
}
