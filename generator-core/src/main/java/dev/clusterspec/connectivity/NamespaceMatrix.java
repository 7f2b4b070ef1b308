package dev.clusterspec.connectivity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Connections folded per namespace: a cell is the union of what any workload of the row may open
 * towards any workload of the column. External ranges fold into one group, {@link #EXTERNAL};
 * Cilium's node peers ({host}, {remote-node}) keep their own.
 */
public final class NamespaceMatrix {

    public static final String EXTERNAL = "(external)";

    private final List<String> groups;
    private final Map<String, ConnectionSet> cells = new LinkedHashMap<>();

    private NamespaceMatrix(ConnectivityResult result) {
        groups = new ArrayList<>(result.namespaces());
        groups.add(EXTERNAL);
        for (Connection c : result.connections()) {
            for (Peer p : List.of(c.source(), c.destination())) {
                if (p instanceof PseudoPeer && !groups.contains(p.token())) {
                    groups.add(p.token());
                }
            }
        }
        for (Connection c : result.connections()) {
            cells.merge(group(c.source()) + "\n" + group(c.destination()), c.connections(), ConnectionSet::union);
        }
    }

    public static NamespaceMatrix of(ConnectivityResult result) {
        return new NamespaceMatrix(result);
    }

    /** Row and column names: namespaces, then the external group, then node peers. */
    public List<String> groups() {
        return List.copyOf(groups);
    }

    public Optional<ConnectionSet> cell(String from, String to) {
        return Optional.ofNullable(cells.get(from + "\n" + to));
    }

    /** The matrix group of a peer: its namespace, the external group, or the pseudo peer itself. */
    public static String group(Peer peer) {
        if (peer instanceof Workload w) {
            return w.namespace();
        }
        return peer instanceof ExternalPeer ? EXTERNAL : peer.token();
    }
}
