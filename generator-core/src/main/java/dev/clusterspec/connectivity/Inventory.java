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
                case "Pod" -> shapes.add(shape(o, podOwner(o), o.body().path("metadata"), o.body().path("spec"), "metadata"));
                case "CronJob" -> shapes.add(template(o, o.body().path("spec").path("jobTemplate").path("spec"),
                        "spec.jobTemplate.spec.template.metadata"));
                default -> {
                    if (TEMPLATE_KINDS.contains(o.kind())) {
                        shapes.add(template(o, o.body().path("spec"), "spec.template.metadata"));
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
        Map<String, String> labels = labels(ns, ns.body().path("metadata"), "metadata");
        labels.putIfAbsent(NAME_LABEL, ns.name());
        return labels;
    }

    /** The labels of an object or pod template, as the API server would accept them. */
    private static Map<String, String> labels(KubeObject owner, JsonNode metadata, String where) {
        Map<String, String> labels = Json.stringMap(metadata.path("labels"));
        labels.forEach((key, value) -> KubernetesNames.labelKeyProblem(key)
                .or(() -> KubernetesNames.labelValueProblem(key, value))
                .ifPresent(problem -> {
                    throw owner.invalid(where + ".labels: " + problem);
                }));
        return labels;
    }

    private static PodShape template(KubeObject controller, JsonNode spec, String where) {
        JsonNode template = spec.path("template");
        return shape(controller, new Workload(controller.namespace(), controller.name(), controller.kind()),
                template.path("metadata"), template.path("spec"), where);
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

    private static PodShape shape(KubeObject owner, Workload workload, JsonNode metadata, JsonNode podSpec, String where) {
        List<ContainerPort> ports = new ArrayList<>();
        for (JsonNode container : Json.list(podSpec.path("containers"))) {
            for (JsonNode port : Json.list(container.path("ports"))) {
                int number = port.path("containerPort").asInt(0);
                Protocol protocol = Protocol.parse(Json.text(port.path("protocol")).isEmpty()
                        ? "TCP" : Json.text(port.path("protocol"))).orElse(null);
                String name = Json.text(port.path("name"));
                if (!name.isEmpty()) {
                    KubernetesNames.portNameProblem(name).ifPresent(problem -> {
                        throw owner.invalid("container " + Json.text(container.path("name")) + ": " + problem);
                    });
                }
                if (number > 0 && protocol != null) {
                    ports.add(new ContainerPort(name, number, protocol));
                }
            }
        }
        String account = Json.text(podSpec.path("serviceAccountName"));
        return new PodShape(workload, labels(owner, metadata, where), List.copyOf(ports),
                account.isEmpty() ? "default" : account);
    }
}
