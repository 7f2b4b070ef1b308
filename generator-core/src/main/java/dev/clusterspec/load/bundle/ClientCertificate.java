package dev.clusterspec.load.bundle;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A Talos API client certificate and its key, as PEM text, for a talosconfig context.
 *
 * @param certificatePem the certificate, signed by the bundle's OS CA ({@code certs.os})
 * @param keyPem the Ed25519 private key ({@code ED25519 PRIVATE KEY}, as talosctl writes it)
 * @param roles the Talos roles carried in the subject's Organization, sorted
 * @param notBefore start of validity
 * @param notAfter end of validity
 */
public record ClientCertificate(String certificatePem, String keyPem, List<String> roles, Instant notBefore,
                                Instant notAfter) {

    public ClientCertificate {
        Objects.requireNonNull(certificatePem, "certificatePem");
        Objects.requireNonNull(keyPem, "keyPem");
        roles = List.copyOf(roles);
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(notAfter, "notAfter");
    }

    /** As talosconfig carries it ({@code crt}): base64 of the PEM text. */
    public String certificateBase64() {
        return SecretsBundle.base64(certificatePem);
    }

    /** As talosconfig carries it ({@code key}): base64 of the PEM text. */
    public String keyBase64() {
        return SecretsBundle.base64(keyPem);
    }

    @Override
    public String toString() {
        return "ClientCertificate[roles=" + roles + ", notBefore=" + notBefore + ", notAfter=" + notAfter
                + ", key=" + SecretsBundle.REDACTED + "]";
    }
}
