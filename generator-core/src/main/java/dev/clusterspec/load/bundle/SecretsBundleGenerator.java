package dev.clusterspec.load.bundle;

import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * Creates a new secrets bundle the way {@code talosctl gen secrets} does for the current version
 * contracts (Talos 1.7 and later): same algorithms, subjects, validity, token and encoding formats.
 *
 * <table>
 * <caption>What is generated</caption>
 * <tr><th>entry</th><th>key</th><th>subject</th></tr>
 * <tr><td>certs.os</td><td>Ed25519</td><td>O=talos</td></tr>
 * <tr><td>certs.etcd</td><td>ECDSA P-256, SHA-256</td><td>O=etcd</td></tr>
 * <tr><td>certs.k8s</td><td>ECDSA P-256, SHA-256</td><td>O=kubernetes</td></tr>
 * <tr><td>certs.k8saggregator</td><td>ECDSA P-256, SHA-256</td><td>CN=front-proxy (see below)</td></tr>
 * <tr><td>certs.k8sserviceaccount</td><td>RSA 4096, PKCS#1</td><td>(key only)</td></tr>
 * </table>
 *
 * <p>All CAs are valid from the clock's current second (talosctl does not backdate) for 87600 hours.
 *
 * <p>One deliberate difference: talosctl's front-proxy CA has an <em>empty</em> subject and issuer.
 * Talos asks for CN=front-proxy, but its CA builder copies only the Organization. RFC 5280 requires
 * a non-empty issuer and BouncyCastle refuses to build such a certificate, so we give the CA the
 * subject Talos meant. Nothing depends on it: Kubernetes trusts the front-proxy CA by its key, and
 * Talos issues the front-proxy client certificate with whatever subject the CA has. Bundles made by
 * talosctl, empty subject included, are read and used as they are.
 */
public final class SecretsBundleGenerator {

    /** Validity of every CA: Talos's {@code CAValidityTime}, 87600 h (ten 365-day years). */
    public static final Duration CA_VALIDITY = Duration.ofHours(87_600);

    /** The front-proxy CA's subject: the CommonName Talos passes for it (see class comment). */
    public static final String AGGREGATOR_CA_COMMON_NAME = "front-proxy";

    static final int SERVICE_ACCOUNT_RSA_BITS = 4096;
    private static final int SECRET_BYTES = 32;
    private static final String TOKEN_ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";

    private SecretsBundleGenerator() {
    }

    /**
     * Generates every secret of a new cluster. Takes 1-3 s, most of it the RSA-4096 key.
     *
     * @param clock the CAs' NotBefore is this clock's current instant, truncated to the second
     *              (X.509 times have second precision)
     * @param random the source of all key material, serials and tokens
     */
    public static SecretsBundle generate(Clock clock, SecureRandom random) {
        Instant notBefore = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant notAfter = notBefore.plus(CA_VALIDITY);

        SecretsBundle.CertificateAndKey etcd = ca(Certificates.organizations(List.of("etcd")), ecdsaP256(random),
                notBefore, notAfter, random);
        SecretsBundle.CertificateAndKey k8s = ca(Certificates.organizations(List.of("kubernetes")), ecdsaP256(random),
                notBefore, notAfter, random);
        SecretsBundle.CertificateAndKey aggregator = ca(Certificates.commonName(AGGREGATOR_CA_COMMON_NAME),
                ecdsaP256(random), notBefore, notAfter, random);
        SecretsBundle.PrivateKeyPem serviceAccount = new SecretsBundle.PrivateKeyPem(rsa(random).pem());
        SecretsBundle.CertificateAndKey os = ca(Certificates.organizations(List.of("talos")), ed25519(random),
                notBefore, notAfter, random);

        return new SecretsBundle(
                new SecretsBundle.Cluster(
                        Base64.getUrlEncoder().encodeToString(randomBytes(random, SECRET_BYTES)),
                        Base64.getEncoder().encodeToString(randomBytes(random, SECRET_BYTES))),
                SecretsBundle.Secrets.withSecretbox(
                        token(random),
                        Base64.getEncoder().encodeToString(randomBytes(random, SECRET_BYTES))),
                new SecretsBundle.TrustdInfo(token(random)),
                new SecretsBundle.Certs(etcd, k8s, aggregator, serviceAccount, os));
    }

    /**
     * A token in the kubeadm bootstrap-token form {@code [a-z0-9]{6}.[a-z0-9]{16}}, drawn like Talos
     * does: uniform over the 36 characters by discarding bytes of 252 and more.
     */
    static String token(SecureRandom random) {
        return tokenPart(random, 6) + "." + tokenPart(random, 16);
    }

    private static String tokenPart(SecureRandom random, int length) {
        int limit = 256 - 256 % TOKEN_ALPHABET.length();
        StringBuilder out = new StringBuilder(length);
        byte[] one = new byte[1];
        while (out.length() < length) {
            random.nextBytes(one);
            int value = one[0] & 0xff;
            if (value < limit) {
                out.append(TOKEN_ALPHABET.charAt(value % TOKEN_ALPHABET.length()));
            }
        }
        return out.toString();
    }

    private static SecretsBundle.CertificateAndKey ca(X500Name subject, PrivateKeyMaterial key,
                                                      Instant notBefore, Instant notAfter, SecureRandom random) {
        X509CertificateHolder certificate = Certificates.selfSignedCa(subject, key, notBefore, notAfter, random);
        return new SecretsBundle.CertificateAndKey(Certificates.toPem(certificate), key.pem());
    }

    private static PrivateKeyMaterial ed25519(SecureRandom random) {
        // An Ed25519 private key is 32 uniformly random bytes; Go's ed25519.GenerateKey draws exactly that.
        return PrivateKeyMaterial.ed25519(randomBytes(random, 32));
    }

    private static PrivateKeyMaterial ecdsaP256(SecureRandom random) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), random);
            ECPrivateKey key = (ECPrivateKey) generator.generateKeyPair().getPrivate();
            return PrivateKeyMaterial.ec(X9ObjectIdentifiers.prime256v1, key.getS());
        } catch (GeneralSecurityException | KeyMaterialException e) {
            throw new IllegalStateException("cannot generate an ECDSA P-256 key", e);
        }
    }

    private static PrivateKeyMaterial rsa(SecureRandom random) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(new RSAKeyGenParameterSpec(SERVICE_ACCOUNT_RSA_BITS, RSAKeyGenParameterSpec.F4), random);
            byte[] pkcs8 = generator.generateKeyPair().getPrivate().getEncoded();
            return PrivateKeyMaterial.rsa(RSAPrivateKey.getInstance(PrivateKeyInfo.getInstance(pkcs8).parsePrivateKey()));
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot generate an RSA-4096 key", e);
        }
    }

    private static byte[] randomBytes(SecureRandom random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
