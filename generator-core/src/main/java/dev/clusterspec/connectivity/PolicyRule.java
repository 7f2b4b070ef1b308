package dev.clusterspec.connectivity;

/** One ingress or egress rule: who (the other end) and on which ports. */
record PolicyRule(PeerSet peers, RulePorts ports) {
}
