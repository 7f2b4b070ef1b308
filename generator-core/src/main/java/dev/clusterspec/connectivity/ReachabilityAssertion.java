package dev.clusterspec.connectivity;

/**
 * A statement from the cluster spec about namespaces: workloads of {@code fromNamespace} must
 * ({@code allowed}) or must not be able to open any connection to workloads of {@code toNamespace}.
 */
public record ReachabilityAssertion(String fromNamespace, String toNamespace, boolean allowed) {

    public static ReachabilityAssertion mustReach(String from, String to) {
        return new ReachabilityAssertion(from, to, true);
    }

    public static ReachabilityAssertion mustNotReach(String from, String to) {
        return new ReachabilityAssertion(from, to, false);
    }
}
