package dev.clusterspec.emit.talos;

import dev.clusterspec.plan.firewall.PortRange;
import dev.clusterspec.plan.firewall.Protocol;
import dev.clusterspec.spec.Cidr;
import java.util.List;
import java.util.Objects;

/**
 * One allowance of the Talos ingress firewall, in the shape a {@code NetworkRuleConfig} document can
 * express: these sources may open connections to these ports of the node. Everything not allowed is
 * dropped ({@code NetworkDefaultActionConfig ingress: block}).
 *
 * @param name unique per node; becomes the document's {@code name}
 * @param protocol TCP or UDP (Talos rules need ports; block mode lets ICMP through by itself)
 * @param reason why the flows exist (kept for reports; Talos has no field for it)
 */
record TalosIngressRule(String name, Protocol protocol, List<PortRange> ports, List<Cidr> sources, String reason) {

    TalosIngressRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(protocol, "protocol");
        ports = List.copyOf(ports);
        sources = List.copyOf(sources);
        if (!protocol.hasPorts()) {
            throw new IllegalArgumentException("Talos rule " + name + ": a NetworkRuleConfig needs ports, " + protocol.id() + " has none");
        }
        if (ports.isEmpty() || ports.stream().anyMatch(PortRange::isNamed)) {
            throw new IllegalArgumentException("Talos rule " + name + " needs numeric ports: " + ports);
        }
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("Talos rule " + name + " has no sources");
        }
    }

    static boolean overlap(PortRange a, PortRange b) {
        return a.from() <= b.to() && b.from() <= a.to();
    }
}
