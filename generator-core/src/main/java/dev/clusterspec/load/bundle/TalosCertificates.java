package dev.clusterspec.load.bundle;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * Issues the Talos API client certificates that talosconfig carries, reproducibly.
 *
 * <p>talosctl draws a fresh key and serial and stamps the current time each time it writes a
 * talosconfig, so its output never repeats. clusterspec's {@code generate} must give byte-identical
 * output for the same spec and bundle (it skips unchanged outputs and diffs them), so every input of
 * the certificate is derived instead of drawn:
 * <ul>
 * <li><b>key</b>: an Ed25519 seed from HKDF-SHA256 over the OS CA's private key, with a fixed label,
 *     the roles and the validity start as context. Only the holder of the bundle can compute it;
 *     each role set and each validity window gets its own key.</li>
 * <li><b>serial</b>: from the same HKDF with another label.</li>
 * <li><b>validity</b>: 8760 h, talosctl's default, starting at the OS CA's NotBefore plus a whole
 *     number of {@link #RENEWAL_STEP}s: the latest such start not after the clock's time. The
 *     certificate is the same for every run within one step and, issued anywhere in it, valid for at
 *     least half a year more. It never outlives the CA.</li>
 * <li><b>signature</b>: Ed25519, which is deterministic (RFC 8032). This is why only an Ed25519 OS CA
 *     is supported here (what talosctl has generated for years): ECDSA signs with a random nonce, so
 *     the same certificate body would give different bytes on every run.</li>
 * </ul>
 *
 * <p>The certificate has the shape talosctl gives it: issuer = the OS CA's subject, subject
 * {@code O=<roles>} (no CN), key usage digitalSignature (critical), extended key usage clientAuth,
 * authority key identifier of the CA.
 */
public final class TalosCertificates {

    /** The role talosctl puts in the talosconfig it generates. */
    public static final String ADMIN_ROLE = "os:admin";

    /** Roles Talos grants (its {@code role.All}); a certificate with any other role has no rights. */
    public static final Set<String> ROLES = Set.of("os:admin", "os:operator", "os:reader", "os:etcd:backup",
            "os:image:verifier", "os:meta:writer", "os:impersonator");

    /** Talos's {@code TalosAPIDefaultCertificateValidityDuration}: 8760 h. */
    public static final Duration CLIENT_CERTIFICATE_VALIDITY = Duration.ofHours(8_760);

    /** How often the reproducible certificate moves on to a new validity window: half the validity. */
    public static final Duration RENEWAL_STEP = CLIENT_CERTIFICATE_VALIDITY.dividedBy(2);

    private static final byte[] HKDF_SALT = "clusterspec talos api client certificate v1".getBytes(StandardCharsets.US_ASCII);

    private TalosCertificates() {
    }

    /**
     * A client certificate for talosconfig, signed by the bundle's OS CA. The same bundle, roles and
     * validity window (see class comment) always give the same bytes.
     *
     * @param roles Talos roles; none means {@value #ADMIN_ROLE}
     * @throws SecretsBundleException if the OS CA is not Ed25519, does not match its key, or has expired
     * @throws IllegalArgumentException for a role Talos does not know
     */
    public static ClientCertificate issueAdminClientCert(SecretsBundle bundle, Clock clock, String... roles) {
        List<String> roleList = roles(roles);
        X509CertificateHolder ca;
        PrivateKeyMaterial caKey;
        try {
            ca = Certificates.fromPem(bundle.certs().os().certificatePem());
        } catch (KeyMaterialException e) {
            throw new SecretsBundleException("The secrets bundle's certs.os.crt " + e.getMessage());
        }
        try {
            caKey = PrivateKeyMaterial.fromPem(bundle.certs().os().keyPem());
        } catch (KeyMaterialException e) {
            throw new SecretsBundleException("The secrets bundle's certs.os.key " + e.getMessage());
        }
        if (caKey.algorithm() != PrivateKeyMaterial.Algorithm.ED25519) {
            throw new SecretsBundleException("The secrets bundle's OS CA (certs.os) key is " + caKey.description()
                    + "; clusterspec issues talosconfig certificates only from an Ed25519 OS CA, as talosctl"
                    + " generates it, because only Ed25519 signatures make the certificate reproducible.");
        }
        if (!caKey.matches(ca.getSubjectPublicKeyInfo())) {
            throw new SecretsBundleException("The secrets bundle's certs.os.key is not the key of certs.os.crt");
        }

        Instant caNotBefore = ca.getNotBefore().toInstant();
        Instant caNotAfter = ca.getNotAfter().toInstant();
        Instant now = clock.instant();
        if (!now.isBefore(caNotAfter)) {
            throw new SecretsBundleException("The secrets bundle's OS CA (certs.os) expired on " + caNotAfter
                    + "; no valid talosconfig certificate can be issued from it. Rotate the Talos API CA"
                    + " (talosctl rotate-ca) and update the bundle.");
        }
        Instant notBefore = windowStart(caNotBefore, now);
        Instant notAfter = notBefore.plus(CLIENT_CERTIFICATE_VALIDITY);
        if (notAfter.isAfter(caNotAfter)) {
            notAfter = caNotAfter;
        }

        String context = String.join(",", roleList) + "\n" + notBefore.getEpochSecond();
        byte[] caSeed = caKey.ed25519Seed();
        PrivateKeyMaterial clientKey = PrivateKeyMaterial.ed25519(derive(caSeed, "client key\n" + context, 32));
        byte[] serialBytes = derive(caSeed, "serial number\n" + context, 16);
        serialBytes[0] &= 0x7f;
        BigInteger serial = new BigInteger(1, serialBytes);
        if (serial.signum() == 0) {
            serial = BigInteger.ONE;
        }

        X509v3CertificateBuilder builder = new X509v3CertificateBuilder(ca.getSubject(), serial,
                Date.from(notBefore), Date.from(notAfter), Certificates.organizations(roleList), clientKey.publicKey());
        try {
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
            SubjectKeyIdentifier caKeyId = SubjectKeyIdentifier.fromExtensions(ca.getExtensions());
            if (caKeyId != null) {
                builder.addExtension(Extension.authorityKeyIdentifier, false,
                        new AuthorityKeyIdentifier(caKeyId.getKeyIdentifier()));
            }
        } catch (CertIOException e) {
            throw new IllegalStateException("cannot encode client certificate extensions", e);
        }
        // Ed25519: no randomness enters the signature, so no SecureRandom is passed.
        X509CertificateHolder certificate = builder.build(Certificates.signer(caKey, null));
        return new ClientCertificate(Certificates.toPem(certificate), clientKey.pem(), roleList, notBefore, notAfter);
    }

    /** From (inclusive) until (exclusive). */
    public record Window(Instant from, Instant until) {
        public boolean contains(Instant instant) {
            return !instant.isBefore(from) && instant.isBefore(until);
        }
    }

    /**
     * The stretch of time around {@code clock}'s now over which {@link #issueAdminClientCert} gives one
     * and the same certificate: the validity window it starts, up to the next one or the CA's expiry.
     * Reads only the CA certificate, so it is cheap enough for deciding whether a run can be skipped.
     *
     */
    public static Window sameCertificateWindow(SecretsBundle bundle, Clock clock) {
        X509CertificateHolder ca;
        try {
            ca = Certificates.fromPem(bundle.certs().os().certificatePem());
        } catch (KeyMaterialException e) {
            throw new SecretsBundleException("The secrets bundle's certs.os.crt " + e.getMessage());
        }
        Instant caNotBefore = ca.getNotBefore().toInstant();
        Instant now = clock.instant();
        Instant start = windowStart(caNotBefore, now);
        Instant next = start.plus(RENEWAL_STEP);
        Instant caNotAfter = ca.getNotAfter().toInstant();
        // before the CA's NotBefore every instant maps to the first window
        return new Window(now.isBefore(caNotBefore) ? Instant.MIN : start, next.isBefore(caNotAfter) ? next : caNotAfter);
    }

    /** The latest CA NotBefore + k × {@link #RENEWAL_STEP} (k ≥ 0) not after {@code now}. */
    static Instant windowStart(Instant caNotBefore, Instant now) {
        if (now.isBefore(caNotBefore)) {
            return caNotBefore;
        }
        long steps = Duration.between(caNotBefore, now).getSeconds() / RENEWAL_STEP.getSeconds();
        return caNotBefore.plus(RENEWAL_STEP.multipliedBy(steps));
    }

    private static List<String> roles(String... roles) {
        if (roles == null || roles.length == 0) {
            return List.of(ADMIN_ROLE);
        }
        TreeSet<String> sorted = new TreeSet<>();
        for (String role : roles) {
            if (!ROLES.contains(role)) {
                throw new IllegalArgumentException("Unknown Talos role '" + role + "'; known roles: " + new TreeSet<>(ROLES));
            }
            sorted.add(role);
        }
        // Sorted like Talos's role.Set.Strings(), which also makes the derivation independent of argument order.
        return List.copyOf(sorted);
    }

    private static byte[] derive(byte[] secret, String info, int length) {
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(secret, HKDF_SALT, info.getBytes(StandardCharsets.UTF_8)));
        byte[] out = new byte[length];
        hkdf.generateBytes(out, 0, length);
        return out;
    }
}
