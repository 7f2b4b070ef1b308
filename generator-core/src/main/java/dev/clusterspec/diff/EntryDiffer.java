package dev.clusterspec.diff;

import dev.clusterspec.diff.DiffEntry.Status;
import dev.clusterspec.yaml.Yaml;
import dev.clusterspec.Sha256;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Builds the entry for one identity from what the two sides hold (either may be null). */
final class EntryDiffer {

    static final String HIDDEN_CHANGE = "(the difference is inside redacted values)";

    private final DiffOptions options;

    EntryDiffer(DiffOptions options) {
        this.options = options;
    }

    DiffEntry entry(EntryId id, SideItem before, SideItem after) {
        if (before == null) {
            return finish(id, Status.ADDED, null, after.file(), List.of(), unified(id, null, after));
        }
        if (after == null) {
            return finish(id, Status.REMOVED, before.file(), null, List.of(), unified(id, before, null));
        }
        if (same(before, after)) {
            return new DiffEntry(id, Status.UNCHANGED, before.file(), after.file(), List.of(), List.of(), 0);
        }
        List<FieldChange> fields = before instanceof SideItem.Tree b && after instanceof SideItem.Tree a
                ? FieldDiff.compare(b.redacted(), a.redacted())
                : List.of();
        List<String> diff = unified(id, before, after);
        if (diff.isEmpty()) {
            diff = List.of(HIDDEN_CHANGE);
        }
        return finish(id, Status.CHANGED, before.file(), after.file(), fields, diff);
    }

    private static boolean same(SideItem before, SideItem after) {
        if (before instanceof SideItem.Tree b && after instanceof SideItem.Tree a) {
            return b.raw().equals(a.raw());
        }
        if (before instanceof SideItem.Text b && after instanceof SideItem.Text a) {
            return Arrays.equals(b.raw(), a.raw());
        }
        return false;
    }

    private DiffEntry finish(EntryId id, Status status, String beforeFile, String afterFile,
                             List<FieldChange> fields, List<String> diff) {
        int limit = options.maxLinesPerEntry();
        if (limit > 0 && diff.size() > limit) {
            return new DiffEntry(id, status, beforeFile, afterFile, fields, diff.subList(0, limit), diff.size() - limit);
        }
        return new DiffEntry(id, status, beforeFile, afterFile, fields, diff, 0);
    }

    /** {@code ---}/{@code +++} headers and hunks of the redacted renderings; empty when they are equal. */
    private List<String> unified(EntryId id, SideItem before, SideItem after) {
        if (isBinary(before) || isBinary(after)) {
            return List.of("Binary content differs: sha256 " + digest(before) + " -> " + digest(after));
        }
        List<String> hunks = UnifiedDiff.hunks(shown(before, after), shown(after, null), options.contextLines());
        if (hunks.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(hunks.size() + 2);
        out.add("--- " + label("a/", before, id));
        out.add("+++ " + label("b/", after, id));
        out.addAll(hunks);
        return out;
    }

    private static String label(String prefix, SideItem item, EntryId id) {
        if (item == null) {
            return "/dev/null";
        }
        String what = switch (id.type()) {
            case OBJECT -> " (" + id.display() + ")";
            case DOCUMENT -> id.kind().isEmpty() && id.name().isEmpty() ? ""
                    : " (" + (id.kind() + " " + id.name()).strip() + ")";
            case FILE -> "";
        };
        return prefix + item.file() + what;
    }

    /**
     * The shown text of one side. A tree's rendering follows the other side's key order where both
     * have a key, so reordered keys (an older generator) do not show as moved lines.
     */
    private static String shown(SideItem item, SideItem other) {
        if (item == null) {
            return "";
        }
        if (item instanceof SideItem.Text text) {
            return text.shown();
        }
        JsonNode tree = ((SideItem.Tree) item).redacted();
        if (other instanceof SideItem.Tree reference) {
            tree = inOrderOf(tree, reference.redacted());
        }
        return Yaml.write(tree);
    }

    private static JsonNode inOrderOf(JsonNode node, JsonNode reference) {
        if (node.isObject() && reference.isObject()) {
            Map<String, JsonNode> ordered = new LinkedHashMap<>();
            for (String key : reference.propertyNames()) {
                if (node.has(key)) {
                    ordered.put(key, inOrderOf(node.get(key), reference.get(key)));
                }
            }
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                ordered.putIfAbsent(field.getKey(), field.getValue());
            }
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            ordered.forEach(out::set);
            return out;
        }
        if (node.isArray() && reference.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            for (int i = 0; i < node.size(); i++) {
                out.add(i < reference.size() ? inOrderOf(node.get(i), reference.get(i)) : node.get(i));
            }
            return out;
        }
        return node;
    }

    private static boolean isBinary(SideItem item) {
        return item instanceof SideItem.Text text && text.shown() == null;
    }

    private static String digest(SideItem item) {
        if (item instanceof SideItem.Text text) {
            return Sha256.hex(text.raw()).substring(0, 12);
        }
        return "(none)";
    }
}
