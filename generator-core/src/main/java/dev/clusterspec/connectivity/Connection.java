package dev.clusterspec.connectivity;

/** What one peer may open towards another. */
public record Connection(Peer source, Peer destination, ConnectionSet connections) {

    /** {@code <src> => <dst> : <connections>}, the line of the text format. */
    public String toLine() {
        return source.token() + " => " + destination.token() + " : " + connections;
    }

    @Override
    public String toString() {
        return toLine();
    }
}
