package dev.clusterspec.connectivity;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A Kubernetes label selector: all {@code matchLabels} pairs and all {@code matchExpressions}
 * must hold. The empty selector matches everything.
 */
public record LabelSelector(Map<String, String> matchLabels, List<Requirement> matchExpressions) {
    public static final LabelSelector EVERYTHING = new LabelSelector(Map.of(), List.of());

    public enum Operator { In, NotIn, Exists, DoesNotExist }

    /** One {@code matchExpressions} item. */
    public record Requirement(String key, Operator operator, Set<String> values) {
        public Requirement {
            values = Set.copyOf(values);
        }

        boolean matches(Map<String, String> labels) {
            String value = labels.get(key);
            return switch (operator) {
                case In -> value != null && values.contains(value);
                case NotIn -> value == null || !values.contains(value);
                case Exists -> value != null;
                case DoesNotExist -> value == null;
            };
        }
    }

    public LabelSelector {
        matchLabels = Map.copyOf(matchLabels);
        matchExpressions = List.copyOf(matchExpressions);
    }

    public boolean isEmpty() {
        return matchLabels.isEmpty() && matchExpressions.isEmpty();
    }

    public boolean matches(Map<String, String> labels) {
        for (Map.Entry<String, String> e : matchLabels.entrySet()) {
            if (!e.getValue().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        for (Requirement r : matchExpressions) {
            if (!r.matches(labels)) {
                return false;
            }
        }
        return true;
    }

    /** Whether any term of the selector talks about {@code key}. */
    public boolean mentions(String key) {
        return matchLabels.containsKey(key) || matchExpressions.stream().anyMatch(r -> r.key().equals(key));
    }

    /** The same selector with every key rewritten (Cilium's {@code k8s:} source prefixes). */
    public LabelSelector withKeys(UnaryOperator<String> rename) {
        Map<String, String> labels = new java.util.HashMap<>();
        matchLabels.forEach((k, v) -> labels.put(rename.apply(k), v));
        List<Requirement> expressions = matchExpressions.stream()
                .map(r -> new Requirement(rename.apply(r.key()), r.operator(), r.values()))
                .toList();
        return new LabelSelector(labels, expressions);
    }
}
