package dev.clusterspec.connectivity;

/** One end of a connection: an in-cluster workload, an external IPv4 range or a node entity. */
public sealed interface Peer permits Workload, ExternalPeer, PseudoPeer {

    /** The name used in the text output, e.g. {@code web/frontend[Deployment]}. */
    String token();
}
