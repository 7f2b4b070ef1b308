package dev.clusterspec.emit.talos;

import dev.clusterspec.spec.Cidr;
import java.util.List;
import java.util.Objects;

/**
 * One allowance of the Talos ingress firewall, in the shape a {@code NetworkRuleConfig} document can
 * express: these sources may open connections to these ports of the node. Everything not allowed is
 * dropped ({@code NetworkDefaultActionConfig ingress: block}).
 *
 * @param name unique per node; becomes the document's {@code name}
 * @param reason why the flow exists (kept for reports; Talos has no field for it)
 */
record TalosIngressRule(String name, Protocol protocol, List<PortRange> ports, List<Cidr> sources, String reason) {

    TalosIngressRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(protocol, "protocol");
        ports = List.copyOf(ports);
        sources = List.copyOf(sources);
        if (ports.isEmpty()) {
            throw new IllegalArgumentException("rule " + name + " has no ports");
        }
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("rule " + name + " has no sources");
        }
    }

    enum Protocol {
        TCP, UDP;

        String id() {
            return this == TCP ? "tcp" : "udp";
        }
    }

    /** An inclusive port range; a single port when {@code from == to}. */
    record PortRange(int from, int to) {

        PortRange {
            if (from < 1 || to > 65535 || from > to) {
                throw new IllegalArgumentException("not a port range: " + from + "-" + to);
            }
        }

        static PortRange of(int port) {
            return new PortRange(port, port);
        }

        boolean overlaps(PortRange other) {
            return from <= other.to && other.from <= to;
        }
    }
}
