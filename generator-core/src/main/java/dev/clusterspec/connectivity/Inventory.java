package dev.clusterspec.connectivity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * The pods of the input, grouped into workloads, with the labels of their namespaces.
 *
 * <p>Controllers contribute their pod template; a bare Pod belongs to its controlling owner
 * (named as the ownerReference says, not resolved further) or to itself. Namespaces carry the
 * automatic {@code kubernetes.io/metadata.name} label; used but undeclared ones get only that.
 */
final class Inventory {
    static final String NAME_LABEL = "kubernetes.io/metadata.name";
    private static final Set<String> TEMPLATE_KINDS = Set.of(
            "Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "ReplicationController", "Job");

    final Map<String, Map<String, String>> namespaces;
    final List<Endpoint> endpoints;
    final List<Workload> workloads;

    private Inventory(Map<String, Map<String, String>> namespaces, List<Endpoint> endpoints, List<Workload> workloads) {
        this.namespaces = namespaces;
        this.endpoints = endpoints;
        this.workloads = workloads;
    }

    private record PodShape(Workload workload, Map<String, String> labels, List<ContainerPort> ports,
                            String serviceAccount) {
    }

    static Inventory of(List<KubeObject> objects) {
        Map<String, Map<String, String>> namespaces = new TreeMap<>();
        List<PodShape> shapes = new ArrayList<>();
        for (KubeObject o : objects) {
            switch (o.kind()) {
                case "Namespace" -> namespaces.put(o.name(), namespaceLabels(o));
                case "Pod" -> shapes.add(shape(podOwner(o), o.body().path("metadata"), o.body().path("spec")));
                case "CronJob" -> shapes.add(template(o, o.body().path("spec").path("jobTemplate").path("spec")));
                default -> {
                    if (TEMPLATE_KINDS.contains(o.kind())) {
                        shapes.add(template(o, o.body().path("spec")));
                    }
                }
            }
        }
        for (PodShape s : shapes) {
            namespaces.computeIfAbsent(s.workload().namespace(), ns -> Map.of(NAME_LABEL, ns));
        }
        // one endpoint per distinct shape, ordered by workload token so that output is stable
        Map<PodShape, Boolean> distinct = new LinkedHashMap<>();
        shapes.stream().sorted(Comparator.comparing((PodShape s) -> s.workload().token()))
                .forEach(s -> distinct.putIfAbsent(s, Boolean.TRUE));
        List<Endpoint> endpoints = new ArrayList<>();
        List<Workload> workloads = new ArrayList<>();
        for (PodShape s : distinct.keySet()) {
            if (workloads.isEmpty() || !workloads.get(workloads.size() - 1).equals(s.workload())) {
                workloads.add(s.workload());
            }
            endpoints.add(new Endpoint(endpoints.size(), s.workload(), workloads.size() - 1, s.labels(),
                    namespaces.get(s.workload().namespace()), s.ports(), s.serviceAccount()));
        }
        return new Inventory(namespaces, endpoints, List.copyOf(workloads));
    }

    private static Map<String, String> namespaceLabels(KubeObject ns) {
        Map<String, String> labels = Json.stringMap(ns.body().path("metadata").path("labels"));
        labels.putIfAbsent(NAME_LABEL, ns.name());
        return labels;
    }

    private static PodShape template(KubeObject controller, JsonNode spec) {
        JsonNode template = spec.path("template");
        return shape(new Workload(controller.namespace(), controller.name(), controller.kind()),
                template.path("metadata"), template.path("spec"));
    }

    /** The controlling owner (not a Node: static pods stand for themselves), else the pod itself. */
    private static Workload podOwner(KubeObject pod) {
        for (JsonNode ref : Json.list(pod.body().path("metadata").path("ownerReferences"))) {
            String kind = Json.text(ref.path("kind"));
            if (Json.text(ref.path("controller")).equals("true") && !kind.equals("Node")) {
                return new Workload(pod.namespace(), Json.text(ref.path("name")), kind.isEmpty() ? "Pod" : kind);
            }
        }
        return new Workload(pod.namespace(), pod.name(), "Pod");
    }

    private static PodShape shape(Workload workload, JsonNode metadata, JsonNode podSpec) {
        List<ContainerPort> ports = new ArrayList<>();
        for (JsonNode container : Json.list(podSpec.path("containers"))) {
            for (JsonNode port : Json.list(container.path("ports"))) {
                int number = port.path("containerPort").asInt(0);
                Protocol protocol = Protocol.parse(Json.text(port.path("protocol")).isEmpty()
                        ? "TCP" : Json.text(port.path("protocol"))).orElse(null);
                if (number > 0 && protocol != null) {
                    ports.add(new ContainerPort(Json.text(port.path("name")), number, protocol));
                }
            }
        }
        String account = Json.text(podSpec.path("serviceAccountName"));
        return new PodShape(workload, Json.stringMap(metadata.path("labels")), List.copyOf(ports),
                account.isEmpty() ? "default" : account);
    }
}
