package dev.clusterspec.connectivity;

import java.util.List;
import java.util.Set;

/**
 * The peers a policy rule admits (or the pods a policy applies to). Each kind answers for the
 * three sorts of peer: pods, external IPv4 ranges and node entities.
 */
sealed interface PeerSet {

    boolean matches(Endpoint pod);

    boolean matches(IpRange external);

    boolean matches(PseudoPeer node);

    /** Every peer: a NetworkPolicy rule without {@code from}/{@code to}, Cilium's {@code all}. */
    record Any() implements PeerSet {
        public boolean matches(Endpoint pod) {
            return true;
        }

        public boolean matches(IpRange external) {
            return true;
        }

        public boolean matches(PseudoPeer node) {
            return true;
        }
    }

    /**
     * NetworkPolicy pod peers: pods in {@code namespace} (null: in namespaces matching
     * {@code namespaceSelector}) whose labels match {@code podSelector}.
     */
    record Pods(String namespace, LabelSelector namespaceSelector, LabelSelector podSelector) implements PeerSet {
        public boolean matches(Endpoint pod) {
            boolean inNamespace = namespace != null
                    ? namespace.equals(pod.namespace())
                    : namespaceSelector.matches(pod.namespaceLabels);
            return inNamespace && podSelector.matches(pod.labels);
        }

        public boolean matches(IpRange external) {
            return false;
        }

        public boolean matches(PseudoPeer node) {
            return false;
        }
    }

    /**
     * Cilium endpoint selectors: matched against the identity labels (pod labels plus
     * {@code io.kubernetes.pod.namespace} etc.), confined to {@code namespace} unless null.
     */
    record CiliumEndpoints(String namespace, LabelSelector selector) implements PeerSet {
        public boolean matches(Endpoint pod) {
            return (namespace == null || namespace.equals(pod.namespace())) && selector.matches(pod.ciliumLabels);
        }

        public boolean matches(IpRange external) {
            return false;
        }

        public boolean matches(PseudoPeer node) {
            return false;
        }
    }

    /** An {@code ipBlock} (or Cilium CIDR): external ranges wholly inside it; never pods or nodes. */
    record Ips(IpBlock block) implements PeerSet {
        public boolean matches(Endpoint pod) {
            return false;
        }

        public boolean matches(IpRange external) {
            return block.contains(external);
        }

        public boolean matches(PseudoPeer node) {
            return false;
        }
    }

    /** Cilium entities, resolved to what they cover: all pods, all external ranges, some nodes. */
    record Entities(boolean allPods, boolean world, Set<PseudoPeer> nodes) implements PeerSet {
        public boolean matches(Endpoint pod) {
            return allPods;
        }

        public boolean matches(IpRange external) {
            return world;
        }

        public boolean matches(PseudoPeer node) {
            return nodes.contains(node);
        }
    }

    /** Any of several peers: the items of one {@code from}/{@code to} list. */
    record Union(List<PeerSet> parts) implements PeerSet {
        public Union {
            parts = List.copyOf(parts);
        }

        public boolean matches(Endpoint pod) {
            return parts.stream().anyMatch(p -> p.matches(pod));
        }

        public boolean matches(IpRange external) {
            return parts.stream().anyMatch(p -> p.matches(external));
        }

        public boolean matches(PseudoPeer node) {
            return parts.stream().anyMatch(p -> p.matches(node));
        }
    }
}
