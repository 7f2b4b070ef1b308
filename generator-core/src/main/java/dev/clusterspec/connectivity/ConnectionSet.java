package dev.clusterspec.connectivity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** An immutable set of (protocol, port) pairs: one {@link PortSet} per {@link Protocol}. */
public final class ConnectionSet {
    private static final Protocol[] PROTOCOLS = Protocol.values();
    public static final ConnectionSet NONE = new ConnectionSet(filled(PortSet.NONE));
    public static final ConnectionSet ALL = new ConnectionSet(filled(PortSet.ALL));

    private final PortSet[] ports;

    private ConnectionSet(PortSet[] ports) {
        this.ports = ports;
    }

    private static PortSet[] filled(PortSet set) {
        PortSet[] all = new PortSet[PROTOCOLS.length];
        Arrays.fill(all, set);
        return all;
    }

    public static ConnectionSet of(Protocol protocol, PortSet ports) {
        PortSet[] sets = filled(PortSet.NONE);
        sets[protocol.ordinal()] = ports;
        return create(sets);
    }

    /** All ports of one protocol. */
    public static ConnectionSet allOf(Protocol protocol) {
        return of(protocol, PortSet.ALL);
    }

    private static ConnectionSet create(PortSet[] sets) {
        boolean all = true;
        boolean none = true;
        for (PortSet s : sets) {
            all &= s.isAll();
            none &= s.isEmpty();
        }
        return all ? ALL : none ? NONE : new ConnectionSet(sets);
    }

    public PortSet ports(Protocol protocol) {
        return ports[protocol.ordinal()];
    }

    public boolean isEmpty() {
        return this == NONE;
    }

    public boolean isAll() {
        return this == ALL;
    }

    public boolean allows(Protocol protocol, int port) {
        return ports(protocol).contains(port);
    }

    public ConnectionSet union(ConnectionSet other) {
        if (this == ALL || other == NONE) {
            return this;
        }
        if (other == ALL || this == NONE) {
            return other;
        }
        PortSet[] sets = new PortSet[PROTOCOLS.length];
        for (int i = 0; i < sets.length; i++) {
            sets[i] = ports[i].union(other.ports[i]);
        }
        return create(sets);
    }

    public ConnectionSet intersect(ConnectionSet other) {
        if (this == ALL || other == NONE) {
            return other;
        }
        if (other == ALL || this == NONE) {
            return this;
        }
        PortSet[] sets = new PortSet[PROTOCOLS.length];
        for (int i = 0; i < sets.length; i++) {
            sets[i] = ports[i].intersect(other.ports[i]);
        }
        return create(sets);
    }

    /**
     * The connection field of the text format: {@code All Connections}, or the protocol groups in
     * name order, everything comma separated: {@code SCTP 7070,TCP 8080-8081,UDP 9090}.
     */
    @Override
    public String toString() {
        if (this == ALL) {
            return "All Connections";
        }
        if (this == NONE) {
            return "No Connections";
        }
        List<String> groups = new ArrayList<>();
        for (Protocol p : PROTOCOLS) {
            PortSet set = ports[p.ordinal()];
            if (!set.isEmpty()) {
                groups.add(p.name() + " " + set);
            }
        }
        return String.join(",", groups);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConnectionSet other && Arrays.equals(ports, other.ports);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(ports);
    }
}
