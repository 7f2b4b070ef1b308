package dev.clusterspec.connectivity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The output order: by source token, then destination token, compared as plain strings. */
final class ConnectionOrder {
    private ConnectionOrder() {
    }

    /**
     * Sorts by source token, then destination token, as plain strings. Only the few distinct
     * peers are sorted by token; the connections are then ordered by the pair of ranks.
     */
    static List<Connection> sorted(List<Connection> connections) {
        Map<Peer, Integer> rank = new HashMap<>();
        for (Connection c : connections) {
            rank.putIfAbsent(c.source(), 0);
            rank.putIfAbsent(c.destination(), 0);
        }
        List<Peer> peers = new ArrayList<>(rank.keySet());
        peers.sort(Comparator.comparing(Peer::token));
        for (int i = 0; i < peers.size(); i++) {
            rank.put(peers.get(i), i);
        }
        int[] from = new int[connections.size()];
        int[] to = new int[connections.size()];
        Integer[] order = new Integer[connections.size()];
        for (int i = 0; i < order.length; i++) {
            from[i] = rank.get(connections.get(i).source());
            to[i] = rank.get(connections.get(i).destination());
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> from[a] != from[b] ? Integer.compare(from[a], from[b]) : Integer.compare(to[a], to[b]));
        List<Connection> result = new ArrayList<>(order.length);
        for (Integer i : order) {
            result.add(connections.get(i));
        }
        return result;
    }
}
