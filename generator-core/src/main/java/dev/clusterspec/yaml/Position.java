package dev.clusterspec.yaml;

/** A 1-based line and column in a text. */
public record Position(int line, int column) {

    /** The start of the text, where a problem without a better place is reported. */
    public static final Position START = new Position(1, 1);
}
