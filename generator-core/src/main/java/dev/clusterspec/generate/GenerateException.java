package dev.clusterspec.generate;

import dev.clusterspec.UserError;

/** Generation cannot go on for a reason the user can fix; the message says how. */
public final class GenerateException extends RuntimeException implements UserError {

    public GenerateException(String message) {
        super(message);
    }
}
