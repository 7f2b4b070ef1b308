package dev.clusterspec.connectivity;

import java.util.List;

/**
 * A policy reduced to what the analysis needs, the same for NetworkPolicy and Cilium rules:
 * which pods it applies to, whether it isolates them per direction, the rules that take effect,
 * and the IP blocks its rules mention (which decide how the external address space is split).
 */
record PolicyModel(String description,
                   PeerSet subjects,
                   boolean isolatesIngress,
                   boolean isolatesEgress,
                   List<PolicyRule> ingress,
                   List<PolicyRule> egress,
                   List<IpBlock> ingressBlocks,
                   List<IpBlock> egressBlocks) {

    PolicyModel {
        ingress = List.copyOf(ingress);
        egress = List.copyOf(egress);
        ingressBlocks = List.copyOf(ingressBlocks);
        egressBlocks = List.copyOf(egressBlocks);
    }
}
