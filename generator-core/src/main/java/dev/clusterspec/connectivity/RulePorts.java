package dev.clusterspec.connectivity;

import java.util.List;

/** The port part of a rule: the union of its items; no items means every connection. */
record RulePorts(List<PortSpec> items, ConnectionSet numericUnion, boolean hasNamed) {
    static final RulePorts ALL = new RulePorts(List.of(), ConnectionSet.ALL, false);
    /** What an ICMP-only rule allows of TCP, UDP and SCTP. */
    static final RulePorts NONE = new RulePorts(List.of(), ConnectionSet.NONE, false);

    static RulePorts of(List<PortSpec> items) {
        if (items.isEmpty()) {
            return ALL;
        }
        ConnectionSet numeric = ConnectionSet.NONE;
        boolean named = false;
        for (PortSpec item : items) {
            if (item.isNamed()) {
                named = true;
            } else {
                numeric = numeric.union(item.resolve(null));
            }
        }
        return new RulePorts(List.copyOf(items), numeric, named);
    }

    /** The allowed connections towards one destination (null: not a pod), named ports resolved. */
    ConnectionSet towards(Endpoint destination) {
        if (!hasNamed) {
            return numericUnion;
        }
        ConnectionSet result = numericUnion;
        for (PortSpec item : items) {
            if (item.isNamed()) {
                result = result.union(item.resolve(destination));
            }
        }
        return result;
    }
}
