package dev.clusterspec.emit.manifests;

import dev.clusterspec.UserError;

/**
 * The spec asks for a manifest the generator cannot produce correctly (for example a public service
 * with nothing that could give it its reserved IP). The message names the spec path and the fix.
 */
public final class ManifestProblemException extends RuntimeException implements UserError {

    public ManifestProblemException(String message) {
        super(message);
    }
}
