package dev.clusterspec.connectivity;

import tools.jackson.databind.JsonNode;

/**
 * One Kubernetes object as read: where it came from (for messages), its kind (given, or implied
 * by the list it was in) and its tree.
 */
public record KubeObject(String source, String kind, JsonNode body) {

    /** An object whose kind is in its own {@code kind} field. */
    public static KubeObject of(String source, JsonNode body) {
        return new KubeObject(source, Json.text(body.path("kind")), body);
    }

    public String apiVersion() {
        return Json.text(body.path("apiVersion"));
    }

    public String name() {
        return Json.text(body.path("metadata").path("name"));
    }

    /** The namespace, {@code default} when the object has none. */
    public String namespace() {
        String ns = Json.text(body.path("metadata").path("namespace"));
        return ns.isEmpty() ? "default" : ns;
    }

    /** For messages: {@code NetworkPolicy web/allow-db}, or {@code Namespace web} (it is in no namespace). */
    public String describe() {
        return kind.equals("Namespace") ? kind + " " + name() : kind + " " + namespace() + "/" + name();
    }

    /** An error about this object's content, naming its file and the object. */
    ManifestReadException invalid(String detail) {
        return new ManifestReadException(source, describe() + ": " + detail);
    }
}
