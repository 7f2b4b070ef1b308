package dev.clusterspec.load.bundle;

import dev.clusterspec.UserError;

/**
 * A problem with a secrets bundle that the user can act on. The message is meant for the user as
 * is; it never contains a secret value.
 */
public class SecretsBundleException extends RuntimeException implements UserError {

    private static final long serialVersionUID = 1L;

    public SecretsBundleException(String message) {
        super(message);
    }

    public SecretsBundleException(String message, Throwable cause) {
        super(message, cause);
    }
}
