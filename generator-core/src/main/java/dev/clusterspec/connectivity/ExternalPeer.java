package dev.clusterspec.connectivity;

/** Addresses outside the cluster, one piece of the IPv4 space as split by the policies' ipBlocks. */
public record ExternalPeer(IpRange range) implements Peer {

    @Override
    public String token() {
        return range + "[External]";
    }

    @Override
    public String toString() {
        return token();
    }
}
