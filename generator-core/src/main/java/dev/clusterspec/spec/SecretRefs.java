package dev.clusterspec.spec;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Every secret reference a spec holds, found by walking its records, so none can be forgotten. */
public final class SecretRefs {

    private SecretRefs() {}

    public static List<SecretRef> in(ClusterSpec spec) {
        List<SecretRef> found = new ArrayList<>();
        walk(spec, found);
        return found;
    }

    private static void walk(Object value, List<SecretRef> found) {
        if (value instanceof SecretRef ref) {
            found.add(ref);
        } else if (value instanceof Collection<?> items) {
            items.forEach(item -> walk(item, found));
        } else if (value instanceof Map<?, ?> map) {
            map.values().forEach(item -> walk(item, found));
        } else if (value instanceof Record record) {
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                try {
                    walk(component.getAccessor().invoke(record), found);
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new IllegalStateException("cannot read " + component + " of " + record.getClass(), e);
                }
            }
        }
    }
}
