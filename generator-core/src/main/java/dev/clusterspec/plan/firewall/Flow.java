package dev.clusterspec.plan.firewall;

import java.util.Objects;

/**
 * One allowed connection: {@code source} may open {@code protocol}/{@code ports} to {@code destination},
 * enforced at {@code layer}. Everything not allowed by a flow is denied at that layer; replies of an
 * allowed connection are allowed by every layer (all are stateful).
 */
public record Flow(Endpoint source, Endpoint destination, Protocol protocol, PortRange ports, Layer layer, String reason) {

    public Flow {
        Objects.requireNonNull(source);
        Objects.requireNonNull(destination);
        Objects.requireNonNull(protocol);
        Objects.requireNonNull(ports);
        Objects.requireNonNull(layer);
        Objects.requireNonNull(reason);
        if (!protocol.hasPorts() && !ports.isAll()) {
            throw new IllegalArgumentException(protocol + " has no ports: " + ports);
        }
    }

    /** {@code tcp/443}, {@code udp/5405-5412}, {@code icmp}, {@code any}. */
    public String service() {
        return protocol.hasPorts() ? protocol.id() + "/" + ports : protocol.id();
    }
}
