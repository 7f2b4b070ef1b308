package dev.clusterspec.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Every secret reference a spec holds, found by walking its records, so none can be forgotten;
 * each with the JSON pointer of the field that holds it, so problems can be shown where it is written.
 */
public final class SecretRefs {

    /** A reference and the field it is written in ({@code /addons/tailscale/oauth/clientId}). */
    public record Located(String pointer, SecretRef ref) {}

    private SecretRefs() {}

    public static List<SecretRef> in(ClusterSpec spec) {
        return located(spec).stream().map(Located::ref).toList();
    }

    /** In the order of the spec's fields. */
    public static List<Located> located(ClusterSpec spec) {
        List<Located> found = new ArrayList<>();
        walk(spec, "", found);
        return found;
    }

    private static void walk(Object value, String pointer, List<Located> found) {
        if (value instanceof SecretRef ref) {
            found.add(new Located(pointer, ref));
        } else if (value instanceof List<?> items) {
            for (int i = 0; i < items.size(); i++) {
                walk(items.get(i), pointer + "/" + i, found);
            }
        } else if (value instanceof Collection<?> items) {
            items.forEach(item -> walk(item, pointer, found));
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> walk(item, child(pointer, String.valueOf(key)), found));
        } else if (value instanceof Record record) {
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                try {
                    walk(component.getAccessor().invoke(record), child(pointer, jsonName(component)), found);
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new IllegalStateException("cannot read " + component + " of " + record.getClass(), e);
                }
            }
        }
    }

    /** A member of an object as a JSON pointer (RFC 6901 escapes ~ and /), as the loader's source map writes it. */
    private static String child(String pointer, String name) {
        return pointer + "/" + name.replace("~", "~0").replace("/", "~1");
    }

    /** The field's name in cluster.yaml: the component's, unless Jackson is told another ({@code interface}). */
    private static String jsonName(RecordComponent component) {
        JsonProperty renamed = component.getAccessor().getAnnotation(JsonProperty.class);
        return renamed != null && !renamed.value().isEmpty() ? renamed.value() : component.getName();
    }
}
