package dev.clusterspec.load.age;

import dev.clusterspec.UserError;

/**
 * An age file or key that cannot be used, for a reason the user can fix; the message says which file
 * or key source and what to do, never a private key or a decrypted byte.
 */
public class AgeException extends RuntimeException implements UserError {

    private static final long serialVersionUID = 1L;

    public AgeException(String message) {
        super(message);
    }
}
