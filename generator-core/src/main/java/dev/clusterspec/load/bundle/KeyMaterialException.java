package dev.clusterspec.load.bundle;

/**
 * Certificate or key material that cannot be decoded. The message says what is wrong in general
 * terms and never quotes the material; callers add which field it came from.
 */
final class KeyMaterialException extends Exception {

    private static final long serialVersionUID = 1L;

    KeyMaterialException(String message) {
        super(message);
    }
}
