package dev.clusterspec.connectivity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a result as Markdown: every connection as a table row, then a matrix that folds
 * workloads into their namespaces (and external ranges into one "external" group).
 */
final class ConnectivityMarkdown {

    private ConnectivityMarkdown() {
    }

    static String render(ConnectivityResult result) {
        StringBuilder md = new StringBuilder();
        md.append("# Connectivity\n\n");
        md.append("Workloads: ").append(result.workloads().size()).append(" in ").append(result.namespaces().size())
                .append(" namespaces. Network policies: ").append(result.policyCount()).append(".\n\n")
                .append("A connection is listed when the source's egress and the destination's ingress both allow it. ")
                .append("Traffic between replicas of one workload is not listed.\n\n");
        md.append("## Connections\n\n");
        if (result.connections().isEmpty()) {
            md.append("No connections are allowed.\n\n");
        } else {
            md.append("| source | destination | connections |\n| --- | --- | --- |\n");
            for (Connection c : result.connections()) {
                md.append("| `").append(c.source().token()).append("` | `").append(c.destination().token())
                        .append("` | ").append(c.connections()).append(" |\n");
            }
            md.append('\n');
        }
        matrix(result, md);
        return md.toString();
    }

    private static void matrix(ConnectivityResult result, StringBuilder md) {
        NamespaceMatrix matrix = NamespaceMatrix.of(result);
        List<String> groups = matrix.groups();
        md.append("## Namespace matrix\n\n");
        md.append("Rows are sources, columns destinations. A cell is the union of what any workload of the row ")
                .append("may open towards any workload of the column; `-` means nothing.\n\n");
        md.append("| from \\ to |");
        groups.forEach(g -> md.append(' ').append(g).append(" |"));
        md.append("\n| --- |");
        groups.forEach(g -> md.append(" --- |"));
        md.append('\n');
        for (String from : groups) {
            md.append("| ").append(from).append(" |");
            for (String to : groups) {
                md.append(' ').append(matrix.cell(from, to).map(ConnectionSet::toString).orElse("-")).append(" |");
            }
            md.append('\n');
        }
    }

}
