package dev.clusterspec.emit.talos;

import dev.clusterspec.yaml.Yaml;
import java.util.Collection;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Small helpers for building Talos documents as ordered Jackson trees. */
final class TalosDocuments {

    /** The API version every Talos document of the 1.12/1.13 contracts carries. */
    static final String API_VERSION = "v1alpha1";

    private TalosDocuments() {}

    /** A multi-document entry: {@code apiVersion} and {@code kind} first, as Talos writes them. */
    static ObjectNode typed(String kind) {
        ObjectNode document = Yaml.object();
        document.put("apiVersion", API_VERSION);
        document.put("kind", kind);
        return document;
    }

    /** Adds {@code field} as a list of strings, kept in the order given (possibly empty). */
    static ArrayNode strings(ObjectNode parent, String field, Collection<String> values) {
        ArrayNode array = parent.putArray(field);
        values.forEach(array::add);
        return array;
    }
}
