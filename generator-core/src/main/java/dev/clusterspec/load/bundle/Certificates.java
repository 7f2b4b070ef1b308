package dev.clusterspec.load.bundle;

import java.io.IOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.bc.BcX509ExtensionUtils;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.bc.BcEdECContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.Properties;

/** X.509 certificates shaped like the ones Talos makes (its {@code siderolabs/crypto} x509 helpers). */
final class Certificates {

    private Certificates() {
    }

    /**
     * A subject of Organization values only, as Talos CAs and client certificates have. Go puts all
     * values of one attribute into a single (multi-valued) RDN and uses PrintableString where the
     * value allows it; so do we.
     */
    static X500Name organizations(List<String> organizations) {
        if (organizations.isEmpty()) {
            throw new IllegalArgumentException("a certificate subject needs at least one organization");
        }
        AttributeTypeAndValue[] values = organizations.stream()
                .map(o -> new AttributeTypeAndValue(BCStyle.O, directoryString(o)))
                .toArray(AttributeTypeAndValue[]::new);
        return new X500Name(new RDN[] {new RDN(values)});
    }

    /** A subject with a single CommonName. */
    static X500Name commonName(String commonName) {
        return new X500Name(new RDN[] {new RDN(BCStyle.CN, directoryString(commonName))});
    }

    private static ASN1Encodable directoryString(String value) {
        return DERPrintableString.isPrintableString(value) ? new DERPrintableString(value) : new DERUTF8String(value);
    }

    /**
     * A self-signed CA with the extensions every Talos CA has: key usage digitalSignature+keyCertSign
     * (critical), extended key usage serverAuth+clientAuth, basic constraints CA:TRUE (critical) and a
     * subject key identifier (SHA-1 of the public key; Talos draws it at random, either is valid).
     */
    static X509CertificateHolder selfSignedCa(X500Name subject, PrivateKeyMaterial key, Instant notBefore,
                                              Instant notAfter, SecureRandom random) {
        X509v3CertificateBuilder builder = new X509v3CertificateBuilder(subject, serialNumber(random),
                Date.from(notBefore), Date.from(notAfter), subject, key.publicKey());
        SubjectKeyIdentifier subjectKeyId = new BcX509ExtensionUtils().createSubjectKeyIdentifier(key.publicKey());
        try {
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyCertSign));
            builder.addExtension(Extension.extendedKeyUsage, false,
                    new ExtendedKeyUsage(new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            builder.addExtension(Extension.subjectKeyIdentifier, false, subjectKeyId);
        } catch (CertIOException e) {
            throw new IllegalStateException("cannot encode CA extensions", e);
        }
        return builder.build(signer(key, random));
    }

    /**
     * A content signer for the CA key. Ed25519 signatures are deterministic (RFC 8032), so with an
     * Ed25519 CA the same certificate body always gives the same certificate bytes; {@code random}
     * only matters for ECDSA, whose signatures draw a fresh nonce.
     */
    static ContentSigner signer(PrivateKeyMaterial key, SecureRandom random) {
        try {
            if (key.algorithm() == PrivateKeyMaterial.Algorithm.ED25519) {
                // BouncyCastle's own Ed25519: the talosconfig certificate is signed on every run, and the JDK 17
                // provider takes ~0.5 ms a signature (~20 ms the first time in a JVM) against its ~0.06 ms
                return new BcEdECContentSignerBuilder(new AlgorithmIdentifier(EdECObjectIdentifiers.id_Ed25519))
                        .build(new Ed25519PrivateKeyParameters(key.ed25519Seed(), 0));
            }
            JcaContentSignerBuilder builder = new JcaContentSignerBuilder(key.algorithm().signatureAlgorithm);
            if (random != null) {
                builder.setSecureRandom(random);
            }
            return builder.build(key.toJca());
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("cannot sign with a " + key.description() + " key", e);
        }
    }

    /** A positive 128-bit serial number, as Talos draws them. */
    static BigInteger serialNumber(SecureRandom random) {
        BigInteger serial;
        do {
            serial = new BigInteger(128, random);
        } while (serial.signum() == 0);
        return serial;
    }

    static String toPem(X509CertificateHolder certificate) {
        try {
            return Pem.encode(Pem.CERTIFICATE, certificate.getEncoded());
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode a certificate", e);
        }
    }

    static X509CertificateHolder fromPem(String pem) throws KeyMaterialException {
        Pem.Block block = Pem.decode(pem);
        if (!block.type().equals(Pem.CERTIFICATE)) {
            throw new KeyMaterialException("is a PEM block of type '" + block.type() + "', expected CERTIFICATE");
        }
        // talosctl's front-proxy CA has an empty issuer, which RFC 5280 forbids and BouncyCastle
        // refuses unless told otherwise; allow it for this thread and this parse only.
        Properties.setThreadOverride(Properties.X509_ALLOW_EMPTY_ISSUER_CERT, true);
        try {
            return new X509CertificateHolder(block.der());
        } catch (IOException | RuntimeException e) {
            throw new KeyMaterialException("is not a valid X.509 certificate");
        } finally {
            Properties.removeThreadOverride(Properties.X509_ALLOW_EMPTY_ISSUER_CERT);
        }
    }
}
