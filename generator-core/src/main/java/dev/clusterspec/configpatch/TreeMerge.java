package dev.clusterspec.configpatch;

import dev.clusterspec.configpatch.MergeRules.Rule;
import java.math.BigDecimal;
import java.util.Map;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Merges the residual of one patch document into one config document with the rules of Talos's
 * merge ({@code pkg/machinery/config/merge}), applied to trees:
 * <ul>
 *   <li>a mapping merges key by key; a key the config lacks is added;</li>
 *   <li>a list is appended to the config's list, except where {@link MergeRules} says otherwise;</li>
 *   <li>a value replaces the config's value, except an empty string or a zero number, which Talos
 *       cannot tell from "not set" (unless the field is held by pointer); {@code false} does replace;</li>
 *   <li>{@code null} changes nothing;</li>
 *   <li>a mapping, a list and a single value do not merge with each other: that is an error, as a
 *       patch whose shape does not fit the config fails to load in Talos.</li>
 * </ul>
 */
final class TreeMerge {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final PatchDocument patch;
    private final DocumentId document;

    private TreeMerge(PatchDocument patch, DocumentId document) {
        this.patch = patch;
        this.document = document;
    }

    /** Merges {@code patch}'s residual into {@code target}, which is changed in place. */
    static void merge(ObjectNode target, PatchDocument patch, DocumentId document) {
        new TreeMerge(patch, document).mergeObject(target, patch.root(), Trail.ROOT);
    }

    private void mergeObject(ObjectNode target, JsonNode patchObject, Trail trail) {
        for (Map.Entry<String, JsonNode> entry : patch.entries(patchObject)) {
            Trail child = trail.key(entry.getKey());
            JsonNode merged = merged(target.get(entry.getKey()), entry.getValue(), child);
            if (merged != null) {
                target.set(entry.getKey(), merged);
            }
        }
    }

    /** The value the config holds after merging {@code right} into {@code left} (null: leave as is). */
    private JsonNode merged(JsonNode left, JsonNode right, Trail trail) {
        if (right.isNull()) {
            return null;
        }
        Rule rule = MergeRules.at(document, trail.rule());
        boolean absent = left == null || left.isNull();
        if (rule.strategy() == MergeRules.Strategy.REPLACE) {
            return patch.copy(right);
        }
        if (!absent && shape(left) != shape(right)) {
            throw new PatchFailure(trail.pointer(), trail.path(), "the config has " + describe(left) + " here, the patch " + describe(right)
                    + "; Talos cannot merge them (fix the patch's indentation or type)");
        }
        if (right.isObject()) {
            if (absent) {
                return patch.copy(right);
            }
            if (rule.strategy() == MergeRules.Strategy.ARGUMENTS) {
                for (Map.Entry<String, JsonNode> e : patch.entries(right)) {
                    if (!e.getValue().isNull()) {
                        ((ObjectNode) left).set(e.getKey(), patch.copy(e.getValue()));
                    }
                }
            } else {
                mergeObject((ObjectNode) left, right, trail);
            }
            return left;
        }
        if (right.isArray()) {
            ArrayNode list = absent ? NODES.arrayNode() : (ArrayNode) left;
            switch (rule.strategy()) {
                case KEYED -> mergeKeyed(list, right, rule, trail, false);
                case KEYED_REPLACE -> mergeKeyed(list, right, rule, trail, true);
                default -> appendAll(list, right);
            }
            return list;
        }
        if (!absent && isZero(right) && rule.strategy() != MergeRules.Strategy.ZERO_REPLACES) {
            return null;
        }
        return right.deepCopy();
    }

    private void appendAll(ArrayNode list, JsonNode right) {
        for (JsonNode item : right) {
            if (!patch.skipped(item)) {
                list.add(patch.copy(item));
            }
        }
    }

    /** Items matched by key merge into (or replace) the config's item; unmatched ones are appended. */
    private void mergeKeyed(ArrayNode list, JsonNode right, Rule rule, Trail trail, boolean replace) {
        int original = list.size();
        for (int i = 0; i < right.size(); i++) {
            JsonNode item = right.get(i);
            if (patch.skipped(item)) {
                continue;
            }
            Trail at = trail.item(i);
            if (!item.isObject()) {
                throw new PatchFailure(at.pointer(), at.path(), "the items of this list are mappings; the patch has " + describe(item));
            }
            Predicate<JsonNode> matches = matcher(item, rule);
            int found = -1;
            // Talos indexes the config's items before replacing; merging looks at the list as it grows
            int limit = replace ? original : list.size();
            for (int j = 0; j < limit && matches != null; j++) {
                if (matches.test(list.get(j))) {
                    found = j;
                    if (!replace) {
                        break;
                    }
                }
            }
            if (found < 0) {
                list.add(patch.copy(item));
            } else if (replace) {
                list.set(found, patch.copy(item));
            } else if (list.get(found) instanceof ObjectNode existing) {
                mergeObject(existing, item, at);
            } else {
                throw new PatchFailure(at.pointer(), at.path(), "the config's item is " + describe(list.get(found)) + ", not a mapping");
            }
        }
    }

    /** Which config items a patch item matches; null when it matches none (it is then appended). */
    private static Predicate<JsonNode> matcher(JsonNode item, Rule rule) {
        for (String key : rule.keys()) {
            JsonNode value = item.get(key);
            if (value != null && !value.isNull() && !isZero(value)) {
                return candidate -> candidate.get(key) != null && (SameValue.test(value, candidate.get(key)) || sameScalar(value, candidate.get(key)));
            }
        }
        if (!rule.zeroMatches()) {
            return null;
        }
        String key = rule.keys().get(0);
        return candidate -> {
            JsonNode value = candidate.get(key);
            return value == null || value.isNull() || isZero(value);
        };
    }

    /** {@code vlanId: 100} and {@code vlanId: "100"} name the same item for Talos, which decodes both to a number. */
    private static boolean sameScalar(JsonNode a, JsonNode b) {
        return b != null && a.isValueNode() && b.isValueNode() && a.asString().equals(b.asString());
    }

    /** What Talos's typed merge treats as "not set": an empty string, a zero number, an empty mapping or list. */
    static boolean isZero(JsonNode value) {
        if (value.isString()) {
            return value.stringValue().isEmpty();
        }
        if (value.isNumber()) {
            return value.decimalValue().compareTo(BigDecimal.ZERO) == 0;
        }
        return false;
    }

    private enum Shape { MAPPING, LIST, VALUE }

    private static Shape shape(JsonNode node) {
        return node.isObject() ? Shape.MAPPING : node.isArray() ? Shape.LIST : Shape.VALUE;
    }

    /**
     * The shape of a value, never the value: configs hold keys and tokens, and messages end up in
     * build logs.
     */
    static String describe(JsonNode node) {
        if (node.isObject()) {
            return "a mapping";
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isString()) {
            return "a string";
        }
        if (node.isNumber()) {
            return "a number";
        }
        if (node.isBoolean()) {
            return "a boolean";
        }
        return "null";
    }

    /**
     * Where the merge is: the rule key ({@code machine.network.interfaces[].vlans}), the config path as
     * messages show it ({@code machine.network.interfaces[1].vlans}) and the pointer into the patch.
     */
    private record Trail(String rule, String path, String pointer) {
        static final Trail ROOT = new Trail("", "", "");

        Trail key(String key) {
            return new Trail(join(rule, key), join(path, key), pointer + "/" + PatchDocumentReader.escape(key));
        }

        Trail item(int index) {
            return new Trail(rule + "[]", path + "[" + index + "]", pointer + "/" + index);
        }

        private static String join(String prefix, String key) {
            return prefix.isEmpty() ? key : prefix + "." + key;
        }
    }
}
