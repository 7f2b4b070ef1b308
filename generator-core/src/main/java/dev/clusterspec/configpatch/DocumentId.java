package dev.clusterspec.configpatch;

import tools.jackson.databind.JsonNode;

/**
 * Which document of a multi-document Talos config a document is: Talos matches a patch document
 * to a config document by {@code apiVersion}, {@code kind} and, for named kinds, {@code name}. The
 * legacy v1alpha1 document has no {@code apiVersion} or {@code kind} (it has {@code version}); it is
 * identified as kind {@code v1alpha1} with an empty API version, as Talos does.
 */
public record DocumentId(String apiVersion, String kind, String name) {

    /** The pseudo-kind of the legacy document. */
    public static final String LEGACY_KIND = "v1alpha1";

    public static final DocumentId LEGACY = new DocumentId("", LEGACY_KIND, "");

    /** The identity of a config document: a document without {@code kind} is the legacy one. */
    public static DocumentId of(JsonNode document) {
        String kind = text(document, "kind");
        if (kind.isEmpty()) {
            return LEGACY;
        }
        return new DocumentId(text(document, "apiVersion"), kind, text(document, "name"));
    }

    public boolean isLegacy() {
        return equals(LEGACY);
    }

    /** The scalar text of a top-level key, or "" when it is absent or not a scalar. */
    static String text(JsonNode document, String key) {
        JsonNode value = document.get(key);
        return value != null && value.isValueNode() && !value.isNull() ? value.asString() : "";
    }

    /** {@code v1alpha1}, {@code SideroLinkConfig} or {@code LinkConfig ens18}: how messages name it. */
    @Override
    public String toString() {
        if (isLegacy()) {
            return "v1alpha1 (machine/cluster)";
        }
        return kind + (name.isEmpty() ? "" : " '" + name + "'");
    }
}
