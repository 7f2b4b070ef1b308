package dev.clusterspec.load.manifests;

import tools.jackson.databind.JsonNode;

/**
 * What makes a Kubernetes object one object: API group (not version: one object is served under
 * every version of its group), kind, namespace as written, name. Talos creates a manifest's object
 * only when no object with this identity exists, so a second definition is silently dropped at boot.
 */
public record ObjectKey(String group, String kind, String namespace, String name) {

    public static ObjectKey of(JsonNode object) {
        String apiVersion = object.path("apiVersion").asString("");
        int slash = apiVersion.indexOf('/');
        JsonNode metadata = object.path("metadata");
        return new ObjectKey(slash < 0 ? "" : apiVersion.substring(0, slash), object.path("kind").asString(""),
                metadata.path("namespace").asString(""), metadata.path("name").asString(""));
    }

    /** {@code NetworkPolicy.networking.k8s.io web/default-deny}, or {@code Namespace web}: kubectl's way of naming it. */
    @Override
    public String toString() {
        return kind + (group.isEmpty() ? "" : "." + group) + " " + (namespace.isEmpty() ? name : namespace + "/" + name);
    }
}
