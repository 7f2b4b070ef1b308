package dev.clusterspec.emit.talos;

import dev.clusterspec.emit.talos.patch.ConfigPatch;
import dev.clusterspec.emit.talos.patch.JsonPatch;

/**
 * A patch of the spec, ready to apply: the patch, where it is written, and which nodes it is for
 * ({@code all nodes}, {@code controlplane nodes}, {@code node cp-1}).
 */
record TalosPatch(ConfigPatch patch, PatchOrigin origin, String level) {

    /** What the report calls it: the file as written in the spec, or the spec line of an inline patch. */
    String source(String specFileName) {
        if (origin.form() == PatchOrigin.Form.FILE) {
            return origin.file();
        }
        return specFileName + ":" + origin.entryPosition().line() + " (inline)";
    }

    String kind() {
        return patch instanceof JsonPatch ? "JSON patch" : "strategic merge";
    }
}
