package dev.clusterspec.generate;

/** Generation cannot go on for a reason the user can fix; the message says how. */
public final class GenerateException extends RuntimeException {

    public GenerateException(String message) {
        super(message);
    }
}
