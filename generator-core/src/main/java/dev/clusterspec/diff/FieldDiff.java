package dev.clusterspec.diff;

import dev.clusterspec.diff.FieldChange.Kind;
import java.util.ArrayList;
import org.eclipse.jgit.diff.DiffAlgorithm;
import org.eclipse.jgit.diff.Edit;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The changed fields between two trees, as paths with short before/after values. Lists whose
 * items are all objects with a unique {@code name} (containers, ports, env, Talos inline manifests)
 * are matched by name, so that inserting one item does not show every later item as changed;
 * other lists of equal length by position, and lists of different length by a longest common
 * subsequence of their items.
 */
final class FieldDiff {

    private static final int MAX_VALUE_LENGTH = 80;
    private static final Pattern SIMPLE_KEY = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$-]*");
    /** Strings shown without quotes: no edge spaces, nothing a reader would take for a number, bool or null. */
    private static final Pattern AMBIGUOUS = Pattern.compile(
            "^(?:[-+]?(?:[0-9][0-9_]*(?:\\.[0-9_]*)?|\\.[0-9]+)(?:[eE][-+]?[0-9]+)?|0x[0-9a-fA-F]+|0o[0-7]+"
                    + "|[-+]?\\.(?i:inf)|\\.(?i:nan)|~|(?i:y|n|yes|no|on|off|true|false|null))$|^\\s|\\s$|\"| -> |^$");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<FieldChange> out = new ArrayList<>();

    private FieldDiff() {}

    static List<FieldChange> compare(JsonNode before, JsonNode after) {
        FieldDiff diff = new FieldDiff();
        diff.walk("", before, after);
        return List.copyOf(diff.out);
    }

    private void walk(String path, JsonNode before, JsonNode after) {
        if (before.equals(after)) {
            return;
        }
        if (before.isObject() && after.isObject()) {
            Set<String> keys = new LinkedHashSet<>(after.propertyNames());
            keys.addAll(before.propertyNames());
            for (String key : keys) {
                member(child(path, key), before.get(key), after.get(key));
            }
        } else if (before.isArray() && after.isArray()) {
            Map<String, JsonNode> beforeByName = byName(before);
            Map<String, JsonNode> afterByName = byName(after);
            if (beforeByName != null && afterByName != null) {
                byName(path, beforeByName, afterByName);
            } else if (before.size() == after.size()) {
                for (int i = 0; i < after.size(); i++) {
                    walk(path + "[" + i + "]", before.get(i), after.get(i));
                }
            } else {
                aligned(path, before, after);
            }
        } else {
            out.add(new FieldChange(path, Kind.CHANGED, show(before), show(after)));
        }
    }

    private void byName(String path, Map<String, JsonNode> before, Map<String, JsonNode> after) {
        Set<String> names = new LinkedHashSet<>(after.keySet());
        names.addAll(before.keySet());
        for (String name : names) {
            member(path + "[name=" + name + "]", before.get(name), after.get(name));
        }
    }

    /** A field or named item that either side may lack: added, removed, or compared further. */
    private void member(String path, JsonNode before, JsonNode after) {
        if (before == null) {
            out.add(new FieldChange(path, Kind.ADDED, null, show(after)));
        } else if (after == null) {
            out.add(new FieldChange(path, Kind.REMOVED, show(before), null));
        } else {
            walk(path, before, after);
        }
    }

    /** Items by their {@code name}, or null when not every item is an object with a unique string name. */
    private static Map<String, JsonNode> byName(JsonNode list) {
        if (list.isEmpty()) {
            return null;
        }
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (JsonNode item : list) {
            JsonNode name = item.get("name");
            if (!item.isObject() || name == null || !name.isString() || out.put(name.stringValue(), item) != null) {
                return null;
            }
        }
        return out;
    }

    /**
     * Equal items are matched by a longest common subsequence; between two matches, removed and
     * added items are paired up as changes (shown at their index after), the rest are removals
     * (index before) or additions (index after).
     */
    private void aligned(String path, JsonNode before, JsonNode after) {
        List<JsonNode> b = new ArrayList<>(before.values());
        List<JsonNode> a = new ArrayList<>(after.values());
        for (Edit edit : DiffAlgorithm.getAlgorithm(DiffAlgorithm.SupportedAlgorithm.MYERS).diff(ItemList.EQUALS, new ItemList(b), new ItemList(a))) {
            int deleteStart = edit.getBeginA();
            int insertStart = edit.getBeginB();
            int deletes = edit.getLengthA();
            int inserts = edit.getLengthB();
            int paired = Math.min(deletes, inserts);
            for (int p = 0; p < paired; p++) {
                walk(path + "[" + (insertStart + p) + "]", b.get(deleteStart + p), a.get(insertStart + p));
            }
            for (int p = paired; p < deletes; p++) {
                out.add(new FieldChange(path + "[" + (deleteStart + p) + "]", Kind.REMOVED, show(b.get(deleteStart + p)), null));
            }
            for (int p = paired; p < inserts; p++) {
                out.add(new FieldChange(path + "[" + (insertStart + p) + "]", Kind.ADDED, null, show(a.get(insertStart + p))));
            }
        }
    }

    private static String child(String path, String key) {
        if (SIMPLE_KEY.matcher(key).matches()) {
            return path.isEmpty() ? key : path + "." + key;
        }
        return path + "[" + JSON.writeValueAsString(key) + "]";
    }

    /** A value in one short line: scalars as they read, multi-line text by its line count, the rest as JSON. */
    static String show(JsonNode value) {
        if (value.isString()) {
            String text = value.stringValue();
            if (text.contains("\n")) {
                long lines = text.lines().count();
                return "(text, " + lines + (lines == 1 ? " line)" : " lines)");
            }
            return shorten(AMBIGUOUS.matcher(text).find() ? JSON.writeValueAsString(text) : text);
        }
        if (value.isContainer()) {
            return shorten(JSON.writeValueAsString(value));
        }
        return value.toString();
    }

    private static String shorten(String text) {
        return text.length() <= MAX_VALUE_LENGTH ? text : text.substring(0, MAX_VALUE_LENGTH - 3) + "...";
    }
}
