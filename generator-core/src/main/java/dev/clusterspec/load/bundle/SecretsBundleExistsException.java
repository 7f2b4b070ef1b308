package dev.clusterspec.load.bundle;

import java.nio.file.Path;

/**
 * Refusal to replace an existing secrets bundle. Replacing it would give the cluster a new PKI:
 * running nodes would no longer trust configs, talosconfig or kubeconfig made from the new one.
 */
public final class SecretsBundleExistsException extends SecretsBundleException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public SecretsBundleExistsException(Path file) {
        super("Secrets bundle " + file + " already exists; it was left unchanged. A secrets bundle is created once"
                + " per cluster and never overwritten, because its CAs and keys are the identity of the cluster."
                + " Keep using it, or, to start a new cluster with new secrets, move it away first (and keep a backup:"
                + " without it the existing cluster cannot be managed).");
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
