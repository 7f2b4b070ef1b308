package dev.clusterspec.connectivity;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The core computation. A connection from S to D is allowed when S's egress allows it and D's
 * ingress allows it; a side that no policy isolates allows everything.
 *
 * <p>Cost is kept near linear in the number of (source, destination) endpoint pairs: each rule's
 * peers are matched once into a bit set, and an endpoint's allowed row is computed once per
 * distinct set of rules that apply to it (pods selected by the same policies share one row),
 * rather than once per pod.
 */
final class Reachability {
    /** The rules that apply to one endpoint in one direction, and whether it is isolated there. */
    record Side(boolean isolated, List<PolicyRule> rules) {
    }

    private final PeerUniverse sources;
    private final PeerUniverse destinations;
    private final Side[] ingress;
    private final Side[] egress;
    private final Map<PolicyRule, BitSet> ingressPeers = new IdentityHashMap<>();
    private final Map<PolicyRule, BitSet> egressPeers = new IdentityHashMap<>();
    private final Map<List<Object>, ConnectionSet[]> ingressRows = new HashMap<>();
    private final Map<List<Object>, ConnectionSet[]> egressRows = new HashMap<>();

    Reachability(PeerUniverse sources, PeerUniverse destinations, Side[] ingress, Side[] egress) {
        this.sources = sources;
        this.destinations = destinations;
        this.ingress = ingress;
        this.egress = egress;
    }

    /** All allowed connections between distinct workloads and between workloads and the rest. */
    List<Connection> connections(List<Workload> workloads) {
        List<Endpoint> endpoints = sources.endpoints;
        int e = endpoints.size();
        ConnectionSet[][] ingressOf = new ConnectionSet[e][];
        ConnectionSet[][] egressOf = new ConnectionSet[e][];
        for (Endpoint ep : endpoints) {
            ingressOf[ep.index] = ingressRow(ep);
            egressOf[ep.index] = egressRow(ep);
        }
        List<Connection> out = new ArrayList<>();
        int first = 0;
        while (first < e) {
            // endpoints are ordered by workload, so each workload is one contiguous run
            int source = endpoints.get(first).workloadIndex;
            int end = first;
            while (end < e && endpoints.get(end).workloadIndex == source) {
                end++;
            }
            ConnectionSet[] toWorkload = new ConnectionSet[workloads.size()];
            ConnectionSet[] toExternal = new ConnectionSet[destinations.externals.size()];
            ConnectionSet[] toNode = new ConnectionSet[destinations.nodes.size()];
            for (int s = first; s < end; s++) {
                for (Endpoint d : endpoints) {
                    if (d.workloadIndex != source) {
                        ConnectionSet c = at(egressOf[s], d.index).intersect(at(ingressOf[d.index], s));
                        toWorkload[d.workloadIndex] = orNone(toWorkload[d.workloadIndex]).union(c);
                    }
                }
                for (int x = 0; x < toExternal.length; x++) {
                    toExternal[x] = orNone(toExternal[x]).union(at(egressOf[s], destinations.externalIndex(x)));
                }
                for (int n = 0; n < toNode.length; n++) {
                    toNode[n] = orNone(toNode[n]).union(at(egressOf[s], destinations.nodeIndex(n)));
                }
            }
            Workload from = workloads.get(source);
            for (int w = 0; w < toWorkload.length; w++) {
                add(out, from, workloads.get(w), toWorkload[w]);
            }
            for (int x = 0; x < toExternal.length; x++) {
                add(out, from, new ExternalPeer(destinations.externals.get(x)), toExternal[x]);
            }
            for (int n = 0; n < toNode.length; n++) {
                add(out, from, destinations.nodes.get(n), toNode[n]);
            }
            first = end;
        }
        addInbound(out, ingressOf, workloads);
        return ConnectionOrder.sorted(out);
    }

    /** Connections from external ranges and node entities, which only the destination restricts. */
    private void addInbound(List<Connection> out, ConnectionSet[][] ingressOf, List<Workload> workloads) {
        List<Peer> outside = new ArrayList<>();
        List<Integer> indexes = new ArrayList<>();
        for (int x = 0; x < sources.externals.size(); x++) {
            outside.add(new ExternalPeer(sources.externals.get(x)));
            indexes.add(sources.externalIndex(x));
        }
        for (int n = 0; n < sources.nodes.size(); n++) {
            outside.add(sources.nodes.get(n));
            indexes.add(sources.nodeIndex(n));
        }
        for (int i = 0; i < outside.size(); i++) {
            ConnectionSet[] toWorkload = new ConnectionSet[workloads.size()];
            for (Endpoint d : sources.endpoints) {
                toWorkload[d.workloadIndex] = orNone(toWorkload[d.workloadIndex]).union(at(ingressOf[d.index], indexes.get(i)));
            }
            for (int w = 0; w < toWorkload.length; w++) {
                add(out, outside.get(i), workloads.get(w), toWorkload[w]);
            }
        }
    }

    private static void add(List<Connection> out, Peer from, Peer to, ConnectionSet c) {
        if (c != null && !c.isEmpty()) {
            out.add(new Connection(from, to, c));
        }
    }

    private static ConnectionSet orNone(ConnectionSet c) {
        return c == null ? ConnectionSet.NONE : c;
    }

    /** A row entry: a null row means "not isolated" (everything), a null entry means nothing. */
    private static ConnectionSet at(ConnectionSet[] row, int index) {
        if (row == null) {
            return ConnectionSet.ALL;
        }
        ConnectionSet c = row[index];
        return c == null ? ConnectionSet.NONE : c;
    }

    /** What may reach the endpoint, per source index. Depends on its rules and (for named ports) its ports. */
    private ConnectionSet[] ingressRow(Endpoint destination) {
        Side side = ingress[destination.index];
        if (!side.isolated()) {
            return null;
        }
        boolean named = side.rules().stream().anyMatch(r -> r.ports().hasNamed());
        List<Object> key = new ArrayList<>(side.rules());
        if (named) {
            key.add(destination.ports);
        }
        return ingressRows.computeIfAbsent(key, k -> {
            ConnectionSet[] row = new ConnectionSet[sources.size()];
            for (PolicyRule rule : side.rules()) {
                ConnectionSet ports = rule.ports().towards(destination);
                if (!ports.isEmpty()) {
                    BitSet peers = ingressPeers.computeIfAbsent(rule, r -> sources.members(r.peers()));
                    for (int s = peers.nextSetBit(0); s >= 0; s = peers.nextSetBit(s + 1)) {
                        row[s] = orNone(row[s]).union(ports);
                    }
                }
            }
            return row;
        });
    }

    /** Where the endpoint may connect to, per destination index. Depends on its rules only. */
    private ConnectionSet[] egressRow(Endpoint source) {
        Side side = egress[source.index];
        if (!side.isolated()) {
            return null;
        }
        return egressRows.computeIfAbsent(new ArrayList<>(side.rules()), k -> {
            ConnectionSet[] row = new ConnectionSet[destinations.size()];
            for (PolicyRule rule : side.rules()) {
                BitSet peers = egressPeers.computeIfAbsent(rule, r -> destinations.members(r.peers()));
                for (int d = peers.nextSetBit(0); d >= 0; d = peers.nextSetBit(d + 1)) {
                    ConnectionSet ports = rule.ports().towards(destinations.endpointAt(d));
                    row[d] = orNone(row[d]).union(ports);
                }
            }
            return row;
        });
    }
}
