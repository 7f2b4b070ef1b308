package dev.clusterspec.connectivity;

import java.util.BitSet;
import java.util.List;

/**
 * Every peer the analysis considers on one side of a connection, numbered: pods' endpoints
 * first, then the external ranges of that side, then the node entities. Source and destination
 * sides differ only in their external ranges.
 */
final class PeerUniverse {
    final List<Endpoint> endpoints;
    final List<IpRange> externals;
    final List<PseudoPeer> nodes;

    PeerUniverse(List<Endpoint> endpoints, List<IpRange> externals, List<PseudoPeer> nodes) {
        this.endpoints = endpoints;
        this.externals = List.copyOf(externals);
        this.nodes = List.copyOf(nodes);
    }

    int size() {
        return endpoints.size() + externals.size() + nodes.size();
    }

    int externalIndex(int i) {
        return endpoints.size() + i;
    }

    int nodeIndex(int i) {
        return endpoints.size() + externals.size() + i;
    }

    /** The pod at an index, or null when the index is an external range or a node. */
    Endpoint endpointAt(int index) {
        return index < endpoints.size() ? endpoints.get(index) : null;
    }

    /** The members the peer set admits. */
    BitSet members(PeerSet peers) {
        BitSet bits = new BitSet(size());
        if (peers instanceof PeerSet.Any) {
            bits.set(0, size());
            return bits;
        }
        for (Endpoint e : endpoints) {
            if (peers.matches(e)) {
                bits.set(e.index);
            }
        }
        for (int i = 0; i < externals.size(); i++) {
            if (peers.matches(externals.get(i))) {
                bits.set(externalIndex(i));
            }
        }
        for (int i = 0; i < nodes.size(); i++) {
            if (peers.matches(nodes.get(i))) {
                bits.set(nodeIndex(i));
            }
        }
        return bits;
    }
}
