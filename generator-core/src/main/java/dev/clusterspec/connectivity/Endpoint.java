package dev.clusterspec.connectivity;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What policies see of a pod: its workload, labels, namespace labels, declared ports and service
 * account. Pods of one workload that agree on all of these are one endpoint, so a Deployment with
 * 30 replicas costs the analysis as much as one pod.
 */
final class Endpoint {
    static final String CILIUM_NAMESPACE = "io.kubernetes.pod.namespace";
    static final String CILIUM_NAMESPACE_LABEL_PREFIX = "io.cilium.k8s.namespace.labels.";
    static final String CILIUM_SERVICE_ACCOUNT = "io.cilium.k8s.policy.serviceaccount";

    final int index;
    final Workload workload;
    /** Position of the workload in token order; endpoints of one workload share it. */
    final int workloadIndex;
    final Map<String, String> labels;
    final Map<String, String> namespaceLabels;
    final List<ContainerPort> ports;
    final String serviceAccount;
    /** The labels Cilium gives the endpoint's identity: pod labels plus namespace and account. */
    final Map<String, String> ciliumLabels;

    Endpoint(int index, Workload workload, int workloadIndex, Map<String, String> labels,
             Map<String, String> namespaceLabels, List<ContainerPort> ports, String serviceAccount) {
        this.index = index;
        this.workload = workload;
        this.workloadIndex = workloadIndex;
        this.labels = Map.copyOf(labels);
        this.namespaceLabels = Map.copyOf(namespaceLabels);
        this.ports = List.copyOf(ports);
        this.serviceAccount = serviceAccount;
        Map<String, String> cilium = new HashMap<>(labels);
        namespaceLabels.forEach((k, v) -> cilium.put(CILIUM_NAMESPACE_LABEL_PREFIX + k, v));
        cilium.put(CILIUM_NAMESPACE, workload.namespace());
        cilium.put(CILIUM_SERVICE_ACCOUNT, serviceAccount);
        this.ciliumLabels = Map.copyOf(cilium);
    }

    String namespace() {
        return workload.namespace();
    }

    /** The port number a named port has on this pod for the protocol, if any container declares it. */
    Optional<Integer> namedPort(String name, Protocol protocol) {
        for (ContainerPort p : ports) {
            if (p.name().equals(name) && p.protocol() == protocol) {
                return Optional.of(p.port());
            }
        }
        return Optional.empty();
    }
}
