package dev.clusterspec.emit.manifests;

import dev.clusterspec.emit.Templates;
import dev.clusterspec.yaml.Yaml;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Kubernetes objects rendered from the FreeMarker templates. The template text is parsed back into
 * trees and written again by {@link Yaml}, so every manifest file has one canonical form: valid YAML
 * whatever a template's layout, quotes wherever a YAML 1.1 reader could misread a value, the key
 * order the template gives. Each object must name its apiVersion, kind and metadata.name.
 */
public final class KubeDocuments {

    private KubeDocuments() {}

    public static List<ObjectNode> render(String template, Map<String, ?> model) {
        String text = Templates.get().render(template, model);
        List<JsonNode> documents;
        try {
            documents = Yaml.readAll(text);
        } catch (JacksonException e) {
            // location only: the parser's own message may quote content
            throw new IllegalStateException("template " + template + " rendered invalid YAML near "
                    + (e.getLocation() != null ? "line " + e.getLocation().getLineNr() : "an unknown line"));
        }
        List<ObjectNode> objects = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            // the message never quotes the document: secret templates go through here too
            if (!(documents.get(i) instanceof ObjectNode object) || !object.path("apiVersion").isString()
                    || !object.path("kind").isString() || !object.path("metadata").path("name").isString()) {
                throw new IllegalStateException("template " + template + " rendered document " + (i + 1)
                        + " without apiVersion, kind and metadata.name");
            }
            objects.add(object);
        }
        return objects;
    }

    /** A manifest file: a comment line saying what it is, then the objects as YAML documents. */
    public static String file(String header, List<? extends JsonNode> objects) {
        return "# " + header + "\n" + Yaml.writeAll(objects);
    }

    /** {@code Kind/namespace/name} (or {@code Kind/name} for cluster-scoped objects): how reports name an object. */
    public static String id(JsonNode object) {
        JsonNode metadata = object.path("metadata");
        String namespace = metadata.path("namespace").isString() ? metadata.path("namespace").asString() + "/" : "";
        return object.path("kind").asString() + "/" + namespace + metadata.path("name").asString();
    }
}
