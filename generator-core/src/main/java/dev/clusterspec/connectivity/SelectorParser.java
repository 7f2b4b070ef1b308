package dev.clusterspec.connectivity;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Reads label selectors ({@code matchLabels}, {@code matchExpressions}) from manifests. */
final class SelectorParser {

    /**
     * What the API server checks in a selector. Kubernetes validates a NetworkPolicy's selectors
     * fully; Cilium's CRD schema checks only the matchLabels values (its keys may carry sources such
     * as {@code k8s:} or {@code reserved:}).
     */
    enum Rules { KUBERNETES, CILIUM }

    private SelectorParser() {
    }

    /** A missing selector reads as the empty one, which matches everything. */
    static LabelSelector parse(JsonNode node, KubeObject owner, String where, Rules rules) {
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
            if (rules == Rules.KUBERNETES) {
                expression(owner, where, key, operator, values);
            }
            expressions.add(new LabelSelector.Requirement(key, operator, values));
        }
        Map<String, String> labels = Json.stringMap(node.path("matchLabels"));
        labels.forEach((key, value) -> {
            if (rules == Rules.KUBERNETES) {
                KubernetesNames.labelKeyProblem(key).ifPresent(p -> {
                    throw owner.invalid(where + ".matchLabels: " + p);
                });
            }
            KubernetesNames.labelValueProblem(key, value).ifPresent(p -> {
                throw owner.invalid(where + ".matchLabels: " + p);
            });
        });
        return new LabelSelector(labels, expressions);
    }

    /** The API server's rules for one requirement: a valid key, and values exactly where the operator takes them. */
    private static void expression(KubeObject owner, String where, String key, LabelSelector.Operator operator, Set<String> values) {
        KubernetesNames.labelKeyProblem(key).ifPresent(p -> {
            throw owner.invalid(where + ".matchExpressions: " + p);
        });
        boolean takesValues = operator == LabelSelector.Operator.In || operator == LabelSelector.Operator.NotIn;
        if (takesValues && values.isEmpty()) {
            throw owner.invalid(where + ".matchExpressions: operator " + operator + " on '" + key + "' needs at least one value");
        }
        if (!takesValues && !values.isEmpty()) {
            throw owner.invalid(where + ".matchExpressions: operator " + operator + " on '" + key + "' takes no values");
        }
        for (String value : values.stream().sorted().toList()) {
            KubernetesNames.labelValueProblem(key, value).ifPresent(p -> {
                throw owner.invalid(where + ".matchExpressions: " + p);
            });
        }
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
