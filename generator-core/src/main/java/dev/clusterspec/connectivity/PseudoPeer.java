package dev.clusterspec.connectivity;

import java.util.List;
/**
 * A Cilium node entity that is neither a pod nor an external address: the pod's own node
 * ({@code {host}}) and the other nodes ({@code {remote-node}}). They exist only when the input has
 * CiliumNetworkPolicies, because plain NetworkPolicy has no way to name them. The braces follow
 * the convention the reference analyser uses for its own pseudo-peer ({@code {ingress-controller}}).
 */
public record PseudoPeer(String entity) implements Peer {
    public static final PseudoPeer HOST = new PseudoPeer("host");
    public static final PseudoPeer REMOTE_NODE = new PseudoPeer("remote-node");
    public static final List<PseudoPeer> NODE_ENTITIES = List.of(HOST, REMOTE_NODE);

    @Override
    public String token() {
        return "{" + entity + "}";
    }

    @Override
    public String toString() {
        return token();
    }
}
