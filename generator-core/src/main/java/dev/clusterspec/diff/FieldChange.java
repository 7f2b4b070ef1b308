package dev.clusterspec.diff;

import java.util.Objects;

/**
 * One changed field of an object or document: its path ({@code spec.ports[name=https].port},
 * {@code metadata.labels["app.kubernetes.io/name"]}, {@code spec.args[2]}) and short renderings of
 * the value before and after. Values are taken from redacted trees, so they never hold a secret.
 * Lists of objects that all have a unique {@code name} are matched by name, other lists by
 * position.
 */
public record FieldChange(String path, Kind kind, String before, String after) {

    public enum Kind { ADDED, REMOVED, CHANGED }

    public FieldChange {
        Objects.requireNonNull(path);
        Objects.requireNonNull(kind);
    }

    /** {@code spec.ports[0].port: 443 -> 8443}, {@code spec.x: added 5}, {@code spec.y: removed "a"}. */
    @Override
    public String toString() {
        String where = path.isEmpty() ? "(document)" : path;
        return switch (kind) {
            case ADDED -> where + ": added " + after;
            case REMOVED -> where + ": removed " + before;
            case CHANGED -> where + ": " + before + " -> " + after;
        };
    }
}
