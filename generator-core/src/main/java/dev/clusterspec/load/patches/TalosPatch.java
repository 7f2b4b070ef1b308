package dev.clusterspec.load.patches;

import dev.clusterspec.configpatch.ConfigPatch;
import dev.clusterspec.configpatch.JsonPatch;
import dev.clusterspec.configpatch.PatchException;
import dev.clusterspec.load.Diagnostic;

/**
 * A patch of the spec, ready to apply: the patch, where it is written, and which nodes it is for
 * ({@code all nodes}, {@code controlplane nodes}, {@code node cp-1}).
 */
public record TalosPatch(ConfigPatch patch, PatchOrigin origin, String level) {

    /** What the report calls it: the file as written in the spec, or the spec line of an inline patch. */
    String source(String specFileName) {
        if (origin.form() == PatchOrigin.Form.FILE) {
            return origin.file();
        }
        return specFileName + ":" + origin.entryPosition().line() + " (inline)";
    }

    /** Where a failure to apply the patch is reported: at the patch's file or spec line, with the reason. */
    public Diagnostic problemAt(PatchException e) {
        return origin.locate(e, PatchLoader.message(e));
    }

    String kind() {
        return patch instanceof JsonPatch ? "JSON patch" : "strategic merge";
    }
}
