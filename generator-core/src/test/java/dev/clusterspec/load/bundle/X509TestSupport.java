package dev.clusterspec.load.bundle;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;

/**
 * Decodes certificates and keys with the JDK's own X.509 and key factories, independently of the
 * production code's BouncyCastle-based parsing, so tests check the output against a second reader.
 */
public final class X509TestSupport {

    private X509TestSupport() {
    }

    public static PemObject pem(String text) {
        try (PemReader reader = new PemReader(new StringReader(text))) {
            PemObject object = reader.readPemObject();
            if (object == null) {
                throw new IllegalArgumentException("no PEM block");
            }
            return object;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static X509Certificate certificate(String pemText) {
        PemObject object = pem(pemText);
        if (!object.getType().equals("CERTIFICATE")) {
            throw new IllegalArgumentException("not a certificate: " + object.getType());
        }
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(object.getContent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A private key from any of the PEM types Talos uses, loaded by the JDK. */
    public static PrivateKey privateKey(String pemText) {
        PemObject object = pem(pemText);
        try {
            switch (object.getType()) {
                case "ED25519 PRIVATE KEY":
                    return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(object.getContent()));
                case "EC PRIVATE KEY": {
                    ECPrivateKey sec1 = ECPrivateKey.getInstance(object.getContent());
                    PrivateKeyInfo info = new PrivateKeyInfo(
                            new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, sec1.getParametersObject()), sec1);
                    return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(info.getEncoded()));
                }
                case "RSA PRIVATE KEY": {
                    PrivateKeyInfo info = new PrivateKeyInfo(
                            new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE),
                            org.bouncycastle.asn1.pkcs.RSAPrivateKey.getInstance(object.getContent()));
                    return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(info.getEncoded()));
                }
                default:
                    throw new IllegalArgumentException("unexpected key type " + object.getType());
            }
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code privateKey} signs what {@code publicKey} verifies: the two halves of one key. */
    public static boolean pairs(PrivateKey privateKey, PublicKey publicKey) {
        String algorithm = switch (privateKey.getAlgorithm()) {
            case "EC" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            default -> "Ed25519";
        };
        try {
            byte[] message = "clusterspec key pairing check".getBytes();
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(privateKey);
            signer.update(message);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
