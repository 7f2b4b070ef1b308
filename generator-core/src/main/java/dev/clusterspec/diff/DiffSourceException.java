package dev.clusterspec.diff;

/** A side of a diff cannot be read (missing folder, no repository, unknown ref); the message says which. */
public final class DiffSourceException extends Exception {

    private static final long serialVersionUID = 1L;

    public DiffSourceException(String message) {
        super(message);
    }

    public DiffSourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
