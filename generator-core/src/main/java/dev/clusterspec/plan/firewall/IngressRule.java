package dev.clusterspec.plan.firewall;

import dev.clusterspec.spec.Cidr;
import java.util.List;

/**
 * The flows into one node at one layer for one protocol and port range, merged: what a firewall that
 * lists sources per port (Talos's {@code NetworkRuleConfig}: {@code portSelector} + {@code ingress}
 * subnets) writes as one rule. {@code name} is stable and unique per node ({@code apid},
 * {@code kube-apiserver}, {@code etcd}, ..., or {@code tcp-8443}).
 */
public record IngressRule(String name, Protocol protocol, PortRange ports, List<Cidr> sources, List<String> reasons) {

    public IngressRule {
        sources = List.copyOf(sources);
        reasons = List.copyOf(reasons);
    }
}
