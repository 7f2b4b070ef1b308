package dev.clusterspec.emit.policies;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The generated policies as trees: Kubernetes NetworkPolicies (need nothing but the API server) and
 * CiliumNetworkPolicies (need Cilium's CRDs, which the Cilium operator creates at runtime).
 */
public record PolicyDocuments(List<JsonNode> networkPolicies, List<JsonNode> ciliumPolicies) {

    public PolicyDocuments {
        networkPolicies = List.copyOf(networkPolicies);
        ciliumPolicies = List.copyOf(ciliumPolicies);
    }

    public List<JsonNode> all() {
        List<JsonNode> all = new java.util.ArrayList<>(networkPolicies);
        all.addAll(ciliumPolicies);
        return List.copyOf(all);
    }
}
