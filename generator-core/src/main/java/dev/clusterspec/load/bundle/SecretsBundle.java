package dev.clusterspec.load.bundle;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * A Talos secrets bundle, field for field as {@code talosctl gen secrets} writes {@code secrets.yaml}.
 *
 * <p>The YAML keys are the lower-cased Go field names ({@code cluster.id}, {@code secrets.bootstraptoken},
 * {@code trustdinfo.token}, {@code certs.k8saggregator}, ...). Certificates and keys are held here as
 * PEM text; in the file each one is base64 of that PEM text, which is also how the Talos machine
 * config and talosconfig carry them ({@link CertificateAndKey#certificateBase64()}).
 *
 * <p>{@code toString()} of every record in the tree redacts secret values so that a bundle can never
 * end up in a log by accident.
 */
public record SecretsBundle(Cluster cluster, Secrets secrets, TrustdInfo trustdInfo, Certs certs) {

    public SecretsBundle {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(secrets, "secrets");
        Objects.requireNonNull(trustdInfo, "trustdInfo");
        Objects.requireNonNull(certs, "certs");
    }

    /**
     * {@code cluster:} the discovery identity. {@code id} is base64url of 32 random bytes up to Talos
     * 1.13 (1.14 switches to standard base64); {@code secret} is standard base64 of 32 random bytes.
     */
    public record Cluster(String id, String secret) {
        public Cluster {
            requireText(id, "cluster.id");
            requireText(secret, "cluster.secret");
        }

        @Override
        public String toString() {
            return "Cluster[id=" + id + ", secret=" + REDACTED + "]";
        }
    }

    /**
     * {@code secrets:} the Kubernetes bootstrap token ({@code [a-z0-9]{6}.[a-z0-9]{16}}) and exactly
     * one etcd encryption key: {@code secretboxencryptionsecret} (what Talos generates since 1.3) or
     * {@code aescbcencryptionsecret} (bundles made for Talos 1.2 and older). The absent one is null.
     */
    public record Secrets(String bootstrapToken, String aescbcEncryptionSecret, String secretboxEncryptionSecret) {
        public Secrets {
            requireText(bootstrapToken, "secrets.bootstraptoken");
            if ((aescbcEncryptionSecret == null) == (secretboxEncryptionSecret == null)) {
                throw new IllegalArgumentException(
                        "exactly one of secrets.secretboxencryptionsecret and secrets.aescbcencryptionsecret must be set");
            }
            if (aescbcEncryptionSecret != null) {
                requireText(aescbcEncryptionSecret, "secrets.aescbcencryptionsecret");
            }
            if (secretboxEncryptionSecret != null) {
                requireText(secretboxEncryptionSecret, "secrets.secretboxencryptionsecret");
            }
        }

        /** The bundle Talos generates today: secretbox encryption. */
        public static Secrets withSecretbox(String bootstrapToken, String secretboxEncryptionSecret) {
            return new Secrets(bootstrapToken, null, secretboxEncryptionSecret);
        }

        public Optional<String> aescbc() {
            return Optional.ofNullable(aescbcEncryptionSecret);
        }

        public Optional<String> secretbox() {
            return Optional.ofNullable(secretboxEncryptionSecret);
        }

        @Override
        public String toString() {
            return "Secrets[bootstrapToken=" + REDACTED
                    + (aescbcEncryptionSecret != null ? ", aescbcEncryptionSecret=" + REDACTED : "")
                    + (secretboxEncryptionSecret != null ? ", secretboxEncryptionSecret=" + REDACTED : "") + "]";
        }
    }

    /** {@code trustdinfo:} the token machines use to ask trustd for certificates ({@code machine.token}). */
    public record TrustdInfo(String token) {
        public TrustdInfo {
            requireText(token, "trustdinfo.token");
        }

        @Override
        public String toString() {
            return "TrustdInfo[token=" + REDACTED + "]";
        }
    }

    /**
     * {@code certs:} the four CAs and the service-account key.
     *
     * @param etcd etcd CA ({@code cluster.etcd.ca})
     * @param k8s Kubernetes CA ({@code cluster.ca})
     * @param k8sAggregator front-proxy CA ({@code cluster.aggregatorCA})
     * @param k8sServiceAccount service-account signing key ({@code cluster.serviceAccount}), key only
     * @param os Talos API CA ({@code machine.ca}), which signs talosconfig client certificates
     */
    public record Certs(CertificateAndKey etcd, CertificateAndKey k8s, CertificateAndKey k8sAggregator,
                        PrivateKeyPem k8sServiceAccount, CertificateAndKey os) {
        public Certs {
            Objects.requireNonNull(etcd, "certs.etcd");
            Objects.requireNonNull(k8s, "certs.k8s");
            Objects.requireNonNull(k8sAggregator, "certs.k8saggregator");
            Objects.requireNonNull(k8sServiceAccount, "certs.k8sserviceaccount");
            Objects.requireNonNull(os, "certs.os");
        }
    }

    /** A certificate and its private key, both PEM text ({@code crt} and {@code key} in the file). */
    public record CertificateAndKey(String certificatePem, String keyPem) {
        public CertificateAndKey {
            requireText(certificatePem, "certificate");
            requireText(keyPem, "key");
        }

        /** The certificate as Talos configs carry it: base64 of the PEM text. */
        public String certificateBase64() {
            return base64(certificatePem);
        }

        /** The key as Talos configs carry it: base64 of the PEM text. */
        public String keyBase64() {
            return base64(keyPem);
        }

        @Override
        public String toString() {
            return "CertificateAndKey[certificate=<" + certificatePem.length() + " chars of PEM>, key=" + REDACTED + "]";
        }
    }

    /** A private key without certificate, PEM text ({@code key} in the file). */
    public record PrivateKeyPem(String keyPem) {
        public PrivateKeyPem {
            requireText(keyPem, "key");
        }

        /** The key as Talos configs carry it: base64 of the PEM text. */
        public String keyBase64() {
            return base64(keyPem);
        }

        @Override
        public String toString() {
            return "PrivateKeyPem[key=" + REDACTED + "]";
        }
    }

    static final String REDACTED = "<redacted>";

    public static String base64(String pem) {
        return Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.US_ASCII));
    }

    private static void requireText(String value, String field) {
        Objects.requireNonNull(value, field);
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be empty");
        }
    }
}
