package dev.clusterspec.connectivity;

import java.util.Set;

/**
 * One {@code ports} item of a rule: numeric ports (a single port, a range, or every port) or a
 * named port, for one or more protocols (Cilium's {@code ANY} stands for all three).
 */
record PortSpec(Set<Protocol> protocols, PortSet numbers, String name) {

    PortSpec {
        protocols = Set.copyOf(protocols);
    }

    static PortSpec numeric(Set<Protocol> protocols, PortSet numbers) {
        return new PortSpec(protocols, numbers, null);
    }

    static PortSpec named(Set<Protocol> protocols, String name) {
        return new PortSpec(protocols, null, name);
    }

    boolean isNamed() {
        return name != null;
    }

    /**
     * The connections this item allows towards {@code destination}. A named port resolves
     * against the destination pod's container ports (name and protocol); it allows nothing where
     * it does not resolve, and towards anything that is not a pod ({@code destination} null).
     */
    ConnectionSet resolve(Endpoint destination) {
        ConnectionSet result = ConnectionSet.NONE;
        for (Protocol protocol : protocols) {
            PortSet ports;
            if (!isNamed()) {
                ports = numbers;
            } else if (destination == null) {
                ports = PortSet.NONE;
            } else {
                ports = destination.namedPort(name, protocol).map(PortSet::of).orElse(PortSet.NONE);
            }
            result = result.union(ConnectionSet.of(protocol, ports));
        }
        return result;
    }
}
