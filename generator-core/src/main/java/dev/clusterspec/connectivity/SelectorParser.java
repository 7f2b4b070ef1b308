package dev.clusterspec.connectivity;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Reads label selectors ({@code matchLabels}, {@code matchExpressions}) from manifests. */
final class SelectorParser {
    private SelectorParser() {
    }

    /** A missing selector reads as the empty one, which matches everything. */
    static LabelSelector parse(JsonNode node, KubeObject owner, String where) {
        if (!Json.present(node)) {
            return LabelSelector.EVERYTHING;
        }
        if (!node.isObject()) {
            throw owner.invalid(where + " must be a label selector");
        }
        List<LabelSelector.Requirement> expressions = new ArrayList<>();
        for (JsonNode e : Json.list(node.path("matchExpressions"))) {
            String key = Json.text(e.path("key"));
            String op = Json.text(e.path("operator"));
            LabelSelector.Operator operator = operator(op)
                    .orElseThrow(() -> owner.invalid(where + ": matchExpressions operator '" + op
                            + "' is not one of In, NotIn, Exists, DoesNotExist"));
            if (key.isEmpty()) {
                throw owner.invalid(where + ": a matchExpressions item has no key");
            }
            Set<String> values = new HashSet<>();
            Json.list(e.path("values")).forEach(v -> values.add(Json.text(v)));
            expressions.add(new LabelSelector.Requirement(key, operator, values));
        }
        return new LabelSelector(Json.stringMap(node.path("matchLabels")), expressions);
    }

    private static java.util.Optional<LabelSelector.Operator> operator(String text) {
        for (LabelSelector.Operator o : LabelSelector.Operator.values()) {
            if (o.name().equals(text)) {
                return java.util.Optional.of(o);
            }
        }
        return java.util.Optional.empty();
    }
}
