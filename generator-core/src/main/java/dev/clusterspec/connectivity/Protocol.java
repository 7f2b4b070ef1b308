package dev.clusterspec.connectivity;

import java.util.Locale;
import java.util.Optional;

/**
 * The transport protocols NetworkPolicy can name. Declared in the order their names sort as
 * strings, because connection sets print their protocol groups in that order.
 */
public enum Protocol {
    SCTP, TCP, UDP;

    /** Parses a policy's protocol name; NetworkPolicy and Cilium both spell them upper case. */
    public static Optional<Protocol> parse(String text) {
        for (Protocol p : values()) {
            if (p.name().equals(text.toUpperCase(Locale.ROOT))) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
