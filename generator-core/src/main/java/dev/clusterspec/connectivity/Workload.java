package dev.clusterspec.connectivity;

/**
 * A workload as the output names it: a controller (Deployment, DaemonSet, ...), the controlling
 * owner of pods, or a bare pod. All its replicas are one peer.
 */
public record Workload(String namespace, String name, String kind) implements Peer {

    @Override
    public String token() {
        return namespace + "/" + name + "[" + kind + "]";
    }

    @Override
    public String toString() {
        return token();
    }
}
