package dev.clusterspec.emit.catalog;

import dev.clusterspec.UserError;

/**
 * The catalog cannot give what the spec asks for (an unknown version) or a pinned file cannot be
 * obtained intact. The message says what and how to fix it; it never carries file contents.
 */
public final class CatalogException extends RuntimeException implements UserError {

    public CatalogException(String message) {
        super(message);
    }

    public CatalogException(String message, Throwable cause) {
        super(message, cause);
    }
}
