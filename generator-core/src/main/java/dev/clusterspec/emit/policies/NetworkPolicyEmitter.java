package dev.clusterspec.emit.policies;

import dev.clusterspec.yaml.Yaml;
import dev.clusterspec.plan.ClusterPlan;
import dev.clusterspec.plan.firewall.DefaultDeny;
import dev.clusterspec.plan.firewall.Endpoint;
import dev.clusterspec.plan.firewall.FirewallPlan;
import dev.clusterspec.plan.firewall.Flow;
import dev.clusterspec.plan.firewall.Layer;
import dev.clusterspec.plan.firewall.PortRange;
import dev.clusterspec.plan.firewall.Protocol;
import dev.clusterspec.spec.Cidr;
import dev.clusterspec.spec.ServiceSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders the network-policy layer for every namespace clusterspec creates: its default deny (see
 * {@link DefaultDeny}), then NetworkPolicies that allow the flows of {@link Layer#NETWORK_POLICY}
 * (ingress at the destination namespace, egress at the source namespace, each only where that
 * namespace is one of ours), and CiliumNetworkPolicies for what plain NetworkPolicy cannot name: the
 * nodes (Cilium entities {@code host}, {@code remote-node}).
 */
public final class NetworkPolicyEmitter {

    static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    static final String REASON = "clusterspec.dev/allows";
    private static final String NAMESPACE_NAME = "kubernetes.io/metadata.name";

    private NetworkPolicyEmitter() {}

    public static PolicyDocuments documents(FirewallPlan plan) {
        List<Flow> flows = plan.flows(Layer.NETWORK_POLICY);
        List<Cidr> clusterRanges = clusterRanges(plan.cluster());
        List<JsonNode> networkPolicies = new ArrayList<>();
        List<JsonNode> ciliumPolicies = new ArrayList<>();
        for (DefaultDeny deny : plan.defaultDenies()) {
            String ns = deny.namespace();
            Map<Map<String, String>, String> serviceNames = serviceNames(plan.cluster(), ns);
            networkPolicies.add(defaultDeny(deny));

            Map<Map<String, String>, List<Flow>> ingress = group(flows, f -> f.destination() instanceof Endpoint.Pods d
                    && d.namespace().equals(ns) && !(f.source() instanceof Endpoint.ClusterEntity), f -> ((Endpoint.Pods) f.destination()).labels());
            ingress.forEach((selector, group) -> networkPolicies.add(
                    networkPolicy(ns, "allow-ingress" + suffix(selector, serviceNames), selector, "Ingress", group, clusterRanges)));

            // an egress policy would isolate its pods' egress: only where the default deny covers egress anyway
            Map<Map<String, String>, List<Flow>> egress = group(flows, f -> deny.egress() && f.source() instanceof Endpoint.Pods s
                    && s.namespace().equals(ns), f -> ((Endpoint.Pods) f.source()).labels());
            egress.forEach((selector, group) -> networkPolicies.add(
                    networkPolicy(ns, "allow-egress" + suffix(selector, serviceNames), selector, "Egress", group, clusterRanges)));

            Map<Map<String, String>, List<Flow>> fromNodes = group(flows, f -> f.source() instanceof Endpoint.ClusterEntity
                    && f.destination() instanceof Endpoint.Pods d && d.namespace().equals(ns), f -> ((Endpoint.Pods) f.destination()).labels());
            fromNodes.forEach((selector, group) -> ciliumPolicies.add(
                    ciliumPolicy(ns, "allow-from-nodes" + suffix(selector, serviceNames), selector, group)));
        }
        return new PolicyDocuments(networkPolicies, ciliumPolicies);
    }

    private static Map<Map<String, String>, List<Flow>> group(List<Flow> flows, java.util.function.Predicate<Flow> which,
                                                               Function<Flow, Map<String, String>> selector) {
        Map<Map<String, String>, List<Flow>> groups = new LinkedHashMap<>();
        for (Flow flow : flows) {
            if (which.test(flow)) {
                groups.computeIfAbsent(selector.apply(flow), k -> new ArrayList<>()).add(flow);
            }
        }
        return groups;
    }

    private static ObjectNode defaultDeny(DefaultDeny deny) {
        ObjectNode policy = header("networking.k8s.io/v1", "NetworkPolicy", deny.namespace(), "default-deny", List.of(deny.why()));
        ObjectNode spec = policy.putObject("spec");
        spec.putObject("podSelector");
        ArrayNode types = spec.putArray("policyTypes").add("Ingress");
        if (deny.egress()) {
            types.add("Egress");
        }
        return policy;
    }

    private static ObjectNode networkPolicy(String namespace, String name, Map<String, String> selector, String direction,
                                            List<Flow> flows, List<Cidr> clusterRanges) {
        ObjectNode policy = header("networking.k8s.io/v1", "NetworkPolicy", namespace, name, reasons(flows));
        ObjectNode spec = policy.putObject("spec");
        selector(spec.putObject("podSelector"), selector);
        spec.putArray("policyTypes").add(direction);
        boolean ingress = direction.equals("Ingress");
        ArrayNode rules = spec.putArray(ingress ? "ingress" : "egress");
        for (Map.Entry<Endpoint, List<Flow>> byPeer : byPeer(flows, ingress).entrySet()) {
            ObjectNode rule = rules.addObject();
            rule.putArray(ingress ? "from" : "to").add(peer(byPeer.getKey(), clusterRanges));
            if (byPeer.getValue().stream().noneMatch(f -> f.protocol() == Protocol.ANY)) {
                ArrayNode ports = rule.putArray("ports");
                for (Flow flow : byPeer.getValue()) {
                    ObjectNode port = ports.addObject().put("protocol", flow.protocol().name());
                    putPort(port, flow.ports(), false);
                }
            }
        }
        return policy;
    }

    private static ObjectNode ciliumPolicy(String namespace, String name, Map<String, String> selector, List<Flow> flows) {
        ObjectNode policy = header("cilium.io/v2", "CiliumNetworkPolicy", namespace, name, reasons(flows));
        ObjectNode spec = policy.putObject("spec");
        selector(spec.putObject("endpointSelector"), selector);
        ArrayNode rules = spec.putArray("ingress");
        for (Map.Entry<Endpoint, List<Flow>> byPeer : byPeer(flows, true).entrySet()) {
            ObjectNode rule = rules.addObject();
            rule.putArray("fromEntities").add(((Endpoint.ClusterEntity) byPeer.getKey()).entity().ciliumName());
            if (byPeer.getValue().stream().noneMatch(f -> f.protocol() == Protocol.ANY)) {
                ArrayNode ports = rule.putArray("toPorts").addObject().putArray("ports");
                for (Flow flow : byPeer.getValue()) {
                    // Cilium writes ports as strings
                    ObjectNode port = ports.addObject();
                    putPort(port, flow.ports(), true);
                    port.put("protocol", flow.protocol().name());
                }
            }
        }
        return policy;
    }

    private static Map<Endpoint, List<Flow>> byPeer(List<Flow> flows, boolean ingress) {
        Map<Endpoint, List<Flow>> byPeer = new LinkedHashMap<>();
        for (Flow flow : flows) {
            byPeer.computeIfAbsent(ingress ? flow.source() : flow.destination(), k -> new ArrayList<>()).add(flow);
        }
        return byPeer;
    }

    private static void putPort(ObjectNode port, PortRange ports, boolean asString) {
        if (ports.isNamed()) {
            port.put("port", ports.name());
        } else if (!ports.isAll()) {
            if (asString) {
                port.put("port", Integer.toString(ports.from()));
            } else {
                port.put("port", ports.from());
            }
            if (!ports.isSingle()) {
                port.put("endPort", ports.to());
            }
        }
    }

    private static ObjectNode peer(Endpoint endpoint, List<Cidr> clusterRanges) {
        ObjectNode peer = Yaml.object();
        if (endpoint instanceof Endpoint.Pods pods) {
            peer.putObject("namespaceSelector").putObject("matchLabels").put(NAMESPACE_NAME, pods.namespace());
            if (!pods.allPods()) {
                selector(peer.putObject("podSelector"), pods.labels());
            }
        } else if (endpoint instanceof Endpoint.World) {
            ObjectNode block = peer.putObject("ipBlock").put("cidr", Endpoint.World.ANYWHERE.toString());
            ArrayNode except = block.putArray("except");
            clusterRanges.forEach(c -> except.add(c.toString()));
        } else if (endpoint instanceof Endpoint.CidrBlock block) {
            peer.putObject("ipBlock").put("cidr", block.cidr().toString());
        } else {
            throw new IllegalStateException("not a NetworkPolicy peer: " + endpoint.label());
        }
        return peer;
    }

    private static void selector(ObjectNode selector, Map<String, String> labels) {
        if (!labels.isEmpty()) {
            ObjectNode match = selector.putObject("matchLabels");
            new java.util.TreeMap<>(labels).forEach(match::put);
        }
    }

    private static ObjectNode header(String apiVersion, String kind, String namespace, String name, List<String> reasons) {
        ObjectNode document = Yaml.object();
        document.put("apiVersion", apiVersion);
        document.put("kind", kind);
        ObjectNode metadata = document.putObject("metadata");
        metadata.put("name", name);
        metadata.put("namespace", namespace);
        metadata.putObject("labels").put(MANAGED_BY, "clusterspec");
        metadata.putObject("annotations").put(REASON, String.join("; ", reasons));
        return document;
    }

    private static List<String> reasons(List<Flow> flows) {
        Set<String> reasons = new LinkedHashSet<>();
        flows.forEach(f -> reasons.add(f.reason()));
        return List.copyOf(reasons);
    }

    /** "-all-pods" for every pod, "-<service>" for a service's pods, else the labels. */
    private static String suffix(Map<String, String> selector, Map<Map<String, String>, String> serviceNames) {
        if (selector.isEmpty()) {
            return "-all-pods";
        }
        String service = serviceNames.get(selector);
        if (service != null) {
            return "-" + service;
        }
        StringBuilder out = new StringBuilder();
        new java.util.TreeMap<>(selector).forEach((k, v) -> out.append('-').append(k).append('-').append(v));
        String name = out.toString().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9-]+", "-");
        return name.length() > 200 ? name.substring(0, 200) : name;
    }

    private static Map<Map<String, String>, String> serviceNames(ClusterPlan plan, String namespace) {
        Map<Map<String, String>, String> names = new LinkedHashMap<>();
        for (ServiceSpec service : plan.spec().services()) {
            if (service.namespace().equals(namespace)) {
                names.putIfAbsent(service.selector(), service.name());
            }
        }
        return names;
    }

    /**
     * Addresses inside the cluster that "the internet" excludes: pods, services, the node network and
     * the VCN. Cilium never matches pods or nodes by ipBlock anyway; the excepts make plain
     * NetworkPolicy semantics (and other CNIs) agree.
     */
    static List<Cidr> clusterRanges(ClusterPlan plan) {
        Set<Cidr> ranges = new TreeSet<>();
        ranges.add(plan.spec().network().pods());
        ranges.add(plan.spec().network().services());
        ranges.add(plan.nodeNetwork());
        ranges.add(plan.spec().oci().vcn().cidr());
        List<Cidr> outermost = new ArrayList<>();
        for (Cidr range : ranges) {
            if (ranges.stream().noneMatch(other -> !other.equals(range) && other.contains(range))) {
                outermost.add(range);
            }
        }
        return outermost;
    }
}
