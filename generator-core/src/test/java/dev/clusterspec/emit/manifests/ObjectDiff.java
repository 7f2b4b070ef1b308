package dev.clusterspec.emit.manifests;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Object-by-object difference of two sets of Kubernetes objects, for comparing our manifests with an
 * upstream render. Objects are matched by kind/namespace/name; inside them maps are compared key by
 * key, and lists whose items all carry a {@code name} (containers, env, volumes, mounts, ports) item
 * by item under {@code [name]}; any other list is one value, so order matters (capabilities, args,
 * RBAC rules). Paths are JSON pointers with {@code ~1} for a slash inside a key.
 */
public final class ObjectDiff {

    public enum Change { ADDED, REMOVED, CHANGED }

    /** One difference: ADDED means ours has it and the reference does not. */
    public record Difference(String object, String path, Change change) {
        @Override
        public String toString() {
            return object + " " + (path.isEmpty() ? "(whole object)" : path) + " " + change.name().toLowerCase();
        }
    }

    private ObjectDiff() {}

    public static List<Difference> between(Map<String, JsonNode> reference, Map<String, JsonNode> ours) {
        List<Difference> out = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>(reference.keySet());
        ids.addAll(ours.keySet());
        for (String id : ids) {
            JsonNode theirs = reference.get(id);
            JsonNode mine = ours.get(id);
            if (theirs == null) {
                out.add(new Difference(id, "", Change.ADDED));
            } else if (mine == null) {
                out.add(new Difference(id, "", Change.REMOVED));
            } else {
                compare(id, "", theirs, mine, out);
            }
        }
        return out;
    }

    private static void compare(String id, String path, JsonNode theirs, JsonNode mine, List<Difference> out) {
        if (theirs.isObject() && mine.isObject()) {
            Set<String> keys = new LinkedHashSet<>(theirs.propertyNames());
            keys.addAll(mine.propertyNames());
            for (String key : keys) {
                String child = path + "/" + key.replace("~", "~0").replace("/", "~1");
                JsonNode a = theirs.get(key);
                JsonNode b = mine.get(key);
                if (a == null) {
                    out.add(new Difference(id, child, Change.ADDED));
                } else if (b == null) {
                    out.add(new Difference(id, child, Change.REMOVED));
                } else {
                    compare(id, child, a, b, out);
                }
            }
        } else if (theirs.isArray() && mine.isArray() && named(theirs) && named(mine)) {
            Map<String, JsonNode> a = byName(theirs);
            Map<String, JsonNode> b = byName(mine);
            Set<String> names = new LinkedHashSet<>(a.keySet());
            names.addAll(b.keySet());
            for (String name : names) {
                String child = path + "[" + name + "]";
                if (!a.containsKey(name)) {
                    out.add(new Difference(id, child, Change.ADDED));
                } else if (!b.containsKey(name)) {
                    out.add(new Difference(id, child, Change.REMOVED));
                } else {
                    compare(id, child, a.get(name), b.get(name), out);
                }
            }
        } else if (!Objects.equals(theirs, mine)) {
            out.add(new Difference(id, path, Change.CHANGED));
        }
    }

    private static boolean named(JsonNode list) {
        if (list.isEmpty()) {
            return false;
        }
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode item : list) {
            if (!item.path("name").isString() || !names.add(item.path("name").asString())) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, JsonNode> byName(JsonNode list) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        list.forEach(item -> out.put(item.path("name").asString(), item));
        return out;
    }
}
