package dev.clusterspec.verify;

import dev.clusterspec.UserError;

/** What is about to be written fails a check (a schema, a secret where none may be); the message says what and how to fix it. */
public final class VerificationException extends RuntimeException implements UserError {

    public VerificationException(String message) {
        super(message);
    }
}
