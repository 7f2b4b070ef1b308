package dev.clusterspec.connectivity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The allowed connections, sorted by source then destination token (plain string order), plus
 * what the analysis was based on.
 */
public final class ConnectivityResult {
    private final List<Connection> connections;
    private final List<Workload> workloads;
    private final List<String> namespaces;
    private final int policyCount;
    private final List<String> warnings;

    ConnectivityResult(List<Connection> connections, List<Workload> workloads, List<String> namespaces,
                       int policyCount, List<String> warnings) {
        this.connections = List.copyOf(connections);
        this.workloads = List.copyOf(workloads);
        this.namespaces = List.copyOf(namespaces);
        this.policyCount = policyCount;
        this.warnings = List.copyOf(warnings);
    }

    public List<Connection> connections() {
        return connections;
    }

    /** The workloads found, sorted by token. */
    public List<Workload> workloads() {
        return workloads;
    }

    /** Declared namespaces and those that workloads use, sorted. */
    public List<String> namespaces() {
        return namespaces;
    }

    /** NetworkPolicy and CiliumNetworkPolicy objects analysed. */
    public int policyCount() {
        return policyCount;
    }

    /** Inputs skipped or not modelled, one line each, naming the file. */
    public List<String> warnings() {
        return warnings;
    }

    /** The connection between two peers, if any is allowed. */
    public Optional<Connection> between(Peer source, Peer destination) {
        return connections.stream()
                .filter(c -> c.source().equals(source) && c.destination().equals(destination))
                .findFirst();
    }

    /** One {@code src => dst : connections} line per connection, each ending in a newline. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        for (Connection c : connections) {
            sb.append(c.toLine()).append('\n');
        }
        return sb.toString();
    }

    /** The {@code report/connectivity.md} document: the connection table and a namespace matrix. */
    public String toMarkdown() {
        return ConnectivityMarkdown.render(this);
    }

    /** Connections from workloads of one namespace to workloads of another (or the same). */
    public List<Connection> betweenNamespaces(String from, String to) {
        List<Connection> out = new ArrayList<>();
        for (Connection c : connections) {
            if (c.source() instanceof Workload s && c.destination() instanceof Workload d
                    && s.namespace().equals(from) && d.namespace().equals(to)) {
                out.add(c);
            }
        }
        return out;
    }

    /** A message for every assertion the connectivity contradicts; empty when all hold. */
    public List<String> violations(List<ReachabilityAssertion> assertions) {
        List<String> messages = new ArrayList<>();
        for (ReachabilityAssertion a : assertions) {
            List<Connection> found = betweenNamespaces(a.fromNamespace(), a.toNamespace());
            if (!a.allowed() && !found.isEmpty()) {
                String more = found.size() > 1 ? "; and " + (found.size() - 1) + " more" : "";
                messages.add("namespace " + a.fromNamespace() + " can reach namespace " + a.toNamespace()
                        + " (" + found.get(0).toLine() + more + "), but the spec says it must not");
            } else if (a.allowed() && found.isEmpty()) {
                messages.add("namespace " + a.fromNamespace() + " cannot reach namespace " + a.toNamespace()
                        + emptiness(a) + ", but the spec says it must");
            }
        }
        return messages;
    }

    private String emptiness(ReachabilityAssertion a) {
        for (String ns : List.of(a.fromNamespace(), a.toNamespace())) {
            if (workloads.stream().noneMatch(w -> w.namespace().equals(ns))) {
                return " (namespace " + ns + " has no workloads)";
            }
        }
        return "";
    }
}
