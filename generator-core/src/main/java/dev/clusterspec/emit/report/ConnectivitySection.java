package dev.clusterspec.emit.report;

import dev.clusterspec.connectivity.Connection;
import dev.clusterspec.connectivity.ConnectionSet;
import dev.clusterspec.connectivity.NamespaceMatrix;
import dev.clusterspec.connectivity.ConnectivityResult;
import dev.clusterspec.connectivity.ExternalPeer;
import dev.clusterspec.connectivity.Peer;
import dev.clusterspec.connectivity.PseudoPeer;
import dev.clusterspec.connectivity.ReachabilityAssertion;
import dev.clusterspec.connectivity.Workload;
import dev.clusterspec.plan.ClusterPlan;
import dev.clusterspec.spec.ReachabilityAssertion.Expect;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Who can reach whom under the generated policies: the spec's assertions, a namespace matrix, the connections. */
final class ConnectivitySection {

    static final String EXTERNAL = NamespaceMatrix.EXTERNAL;

    private ConnectivitySection() {}

    static Section build(ClusterPlan plan, ConnectivityResult result) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(Block.Paragraph.of(Inline.of("Computed by the connectivity analyser from " + result.policyCount()
                        + " network policies and " + result.workloads().size() + " workloads in " + result.namespaces().size()
                        + " namespaces. A connection needs the source's egress and the destination's ingress to allow it. ")
                .text("Every connection with its exact address ranges is in ").code("connectivity.md").text(".")));
        if (!plan.spec().assertions().isEmpty()) {
            blocks.add(new Block.Heading("assertions", "Assertions of the spec"));
            blocks.add(assertions(plan, result));
        }
        blocks.add(new Block.Heading("namespace-matrix", "Namespace matrix"));
        blocks.add(Block.Paragraph.of("Rows are sources, columns destinations. A cell is the union of what any workload of the row "
                + "may open towards any workload of the column; - means nothing. " + EXTERNAL + " is every address outside the cluster "
                + "that a policy allows; {host} and {remote-node} are the nodes as Cilium names them."));
        blocks.add(namespaceMatrix(result));
        blocks.add(new Block.Heading("workload-connections", "Connections between workloads"));
        blocks.add(connections(result));
        return new Section("connectivity", "Connectivity", blocks);
    }

    /** A message for every assertion of the spec the connectivity contradicts. */
    static List<String> violations(ClusterPlan plan, ConnectivityResult result) {
        return result.violations(plan.spec().assertions().stream().map(ConnectivitySection::assertion).toList());
    }

    private static ReachabilityAssertion assertion(dev.clusterspec.spec.ReachabilityAssertion a) {
        return new ReachabilityAssertion(a.from(), a.to(), a.expect() == Expect.ALLOWED);
    }

    private static Block assertions(ClusterPlan plan, ConnectivityResult result) {
        TableBuilder t = TableBuilder.of("from", "to", "expected", "found", "result");
        for (dev.clusterspec.spec.ReachabilityAssertion a : plan.spec().assertions()) {
            List<Connection> found = result.betweenNamespaces(a.from(), a.to());
            boolean allowed = a.expect() == Expect.ALLOWED;
            boolean holds = allowed != found.isEmpty();
            String what = found.isEmpty() ? "no connection"
                    : found.stream().map(c -> c.source().token() + " → " + c.destination().token() + ": " + c.connections())
                            .collect(Collectors.joining("; "));
            t.row(holds ? Block.Tone.GOOD : Block.Tone.BAD, a.from(), a.to(), allowed ? "allowed" : "denied", what,
                    holds ? "holds" : "VIOLATED");
        }
        return t.build();
    }

    private static Block namespaceMatrix(ConnectivityResult result) {
        NamespaceMatrix matrix = NamespaceMatrix.of(result);
        List<String> groups = matrix.groups();
        List<String> headers = new ArrayList<>();
        headers.add("from \\ to");
        headers.addAll(groups);
        List<Block.Row> rows = new ArrayList<>();
        for (String from : groups) {
            List<String> row = new ArrayList<>();
            row.add(from);
            for (String to : groups) {
                row.add(matrix.cell(from, to).map(ConnectionSet::toString).orElse(""));
            }
            rows.add(new Block.Row(row, Block.Tone.NONE));
        }
        return new Block.Table(headers, rows, java.util.Set.of(), java.util.Set.of());
    }

    private static Block connections(ConnectivityResult result) {
        // external ranges folded into one peer, so that the table lists workloads, not address splits
        Map<String, ConnectionSet> folded = new LinkedHashMap<>();
        for (Connection c : result.connections()) {
            folded.merge(name(c.source()) + "\n" + name(c.destination()), c.connections(), ConnectionSet::union);
        }
        TableBuilder t = TableBuilder.of("source", "destination", "connections").code(0, 1);
        folded.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            String[] ends = e.getKey().split("\n", 2);
            t.row(ends[0], ends[1], e.getValue().toString());
        });
        if (t.isEmpty()) {
            return Block.Paragraph.of("No connections are allowed.");
        }
        return t.build();
    }


    private static String name(Peer peer) {
        return peer instanceof ExternalPeer ? EXTERNAL : peer.token();
    }
}
