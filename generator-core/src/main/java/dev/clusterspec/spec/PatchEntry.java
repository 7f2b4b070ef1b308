package dev.clusterspec.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * One Talos config patch of the spec, as written: a file beside the spec ({@code file: path}) or the
 * patch itself (a mapping, a list of operations, or text). What kind of patch it is, is the Talos
 * emitter's business; the spec only keeps it, with its place in the file.
 */
public record PatchEntry(String file, JsonNode inline) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static PatchEntry of(JsonNode value) {
        if (value.isObject() && value.size() == 1 && value.path("file").isString()) {
            return new PatchEntry(value.get("file").stringValue(), null);
        }
        return new PatchEntry(null, value.deepCopy());
    }

    public Optional<String> fileIfAny() {
        return Optional.ofNullable(file);
    }
}
