package dev.clusterspec.load.bundle;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * A private key of one of the kinds a Talos bundle holds (Ed25519, ECDSA on a named curve, RSA),
 * with its public key, readable from and writable to the PEM forms Talos uses:
 * {@code ED25519 PRIVATE KEY} (PKCS#8 DER), {@code EC PRIVATE KEY} (SEC1), {@code RSA PRIVATE KEY}
 * (PKCS#1), and plain {@code PRIVATE KEY} (PKCS#8) on input.
 */
final class PrivateKeyMaterial {

    enum Algorithm {
        ED25519("Ed25519", "Ed25519"),
        EC("EC", "SHA256withECDSA"),
        RSA("RSA", "SHA256withRSA");

        final String jcaKeyAlgorithm;
        final String signatureAlgorithm;

        Algorithm(String jcaKeyAlgorithm, String signatureAlgorithm) {
            this.jcaKeyAlgorithm = jcaKeyAlgorithm;
            this.signatureAlgorithm = signatureAlgorithm;
        }
    }

    private static final int ED25519_SEED_LENGTH = 32;

    private final Algorithm algorithm;
    private final PrivateKeyInfo pkcs8;
    private final SubjectPublicKeyInfo publicKey;
    private final String pem;
    private final String description;

    private PrivateKeyMaterial(Algorithm algorithm, PrivateKeyInfo pkcs8, SubjectPublicKeyInfo publicKey,
                               String pem, String description) {
        this.algorithm = algorithm;
        this.pkcs8 = pkcs8;
        this.publicKey = publicKey;
        this.pem = pem;
        this.description = description;
    }

    /** An Ed25519 key from its 32-byte seed (what Go's {@code ed25519.GenerateKey} draws at random). */
    static PrivateKeyMaterial ed25519(byte[] seed) {
        if (seed.length != ED25519_SEED_LENGTH) {
            throw new IllegalArgumentException("an Ed25519 seed has 32 bytes");
        }
        byte[] publicKeyBytes = new Ed25519PrivateKeyParameters(seed, 0).generatePublicKey().getEncoded();
        AlgorithmIdentifier algorithmId = new AlgorithmIdentifier(EdECObjectIdentifiers.id_Ed25519);
        // Version 0 without the optional public key, byte for byte what Go's MarshalPKCS8PrivateKey writes.
        PrivateKeyInfo info = pkcs8(algorithmId, new DEROctetString(seed));
        return new PrivateKeyMaterial(Algorithm.ED25519, info, new SubjectPublicKeyInfo(algorithmId, publicKeyBytes),
                Pem.encode(Pem.ED25519_PRIVATE_KEY, der(info)), "Ed25519");
    }

    /** An ECDSA key on a named curve from its private scalar. */
    /**
     * One parameters object per curve: the multiplier keeps its precomputed multiples of the base
     * point on it, so the bundle's second and later keys on a curve cost a fraction of the first.
     * Null for a curve BouncyCastle does not know.
     */
    private static X9ECParameters curveParameters(ASN1ObjectIdentifier curve) {
        X9ECParameters known = CURVES.get(curve);
        if (known == null) {
            known = ECNamedCurveTable.getByOID(curve);
            if (known != null) {
                CURVES.putIfAbsent(curve, known);
            }
        }
        return known;
    }

    private static final Map<ASN1ObjectIdentifier, X9ECParameters> CURVES = new ConcurrentHashMap<>();

    static PrivateKeyMaterial ec(ASN1ObjectIdentifier curve, BigInteger d) throws KeyMaterialException {
        X9ECParameters parameters = curveParameters(curve);
        if (parameters == null) {
            throw new KeyMaterialException("uses an unknown elliptic curve");
        }
        if (d.signum() <= 0 || d.compareTo(parameters.getN()) >= 0) {
            throw new KeyMaterialException("is not a valid elliptic-curve private key");
        }
        ECPoint q = new FixedPointCombMultiplier().multiply(parameters.getG(), d).normalize();
        AlgorithmIdentifier algorithmId = new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, curve);
        byte[] point = q.getEncoded(false);
        // SEC1 with the curve OID and the public key, as Go's MarshalECPrivateKey writes it.
        ECPrivateKey sec1 = new ECPrivateKey(parameters.getN().bitLength(), d, new DERBitString(point), curve);
        return new PrivateKeyMaterial(Algorithm.EC, pkcs8(algorithmId, sec1), new SubjectPublicKeyInfo(algorithmId, point),
                Pem.encode(Pem.EC_PRIVATE_KEY, der(sec1)), "ECDSA " + curveName(curve));
    }

    /** An RSA key from its PKCS#1 structure. */
    static PrivateKeyMaterial rsa(RSAPrivateKey key) {
        AlgorithmIdentifier algorithmId = new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE);
        SubjectPublicKeyInfo publicKey;
        try {
            publicKey = new SubjectPublicKeyInfo(algorithmId, new RSAPublicKey(key.getModulus(), key.getPublicExponent()));
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode an RSA public key", e);
        }
        return new PrivateKeyMaterial(Algorithm.RSA, pkcs8(algorithmId, key), publicKey,
                Pem.encode(Pem.RSA_PRIVATE_KEY, der(key)), "RSA " + key.getModulus().bitLength());
    }

    /** Parses the first PEM block of {@code pem} in any of the forms Talos reads. */
    static PrivateKeyMaterial fromPem(String pem) throws KeyMaterialException {
        Pem.Block block = Pem.decode(pem);
        try {
            switch (block.type()) {
                case Pem.ED25519_PRIVATE_KEY:
                case Pem.PRIVATE_KEY:
                    return fromPkcs8(PrivateKeyInfo.getInstance(block.der()), block.type());
                case Pem.EC_PRIVATE_KEY:
                    return fromSec1(ECPrivateKey.getInstance(block.der()), null);
                case Pem.RSA_PRIVATE_KEY:
                    return rsa(RSAPrivateKey.getInstance(block.der()));
                default:
                    throw new KeyMaterialException("is a PEM block of type '" + block.type()
                            + "', expected one of ED25519 PRIVATE KEY, EC PRIVATE KEY, RSA PRIVATE KEY, PRIVATE KEY");
            }
        } catch (IllegalArgumentException | IllegalStateException | ClassCastException | IOException e) {
            throw new KeyMaterialException("is not a valid " + block.type() + " block");
        }
    }

    private static PrivateKeyMaterial fromPkcs8(PrivateKeyInfo info, String pemType) throws IOException, KeyMaterialException {
        ASN1ObjectIdentifier oid = info.getPrivateKeyAlgorithm().getAlgorithm();
        if (oid.equals(EdECObjectIdentifiers.id_Ed25519)) {
            byte[] seed = ASN1OctetString.getInstance(info.parsePrivateKey()).getOctets();
            if (seed.length != ED25519_SEED_LENGTH) {
                throw new KeyMaterialException("is not a valid Ed25519 private key");
            }
            return ed25519(seed);
        }
        if (pemType.equals(Pem.ED25519_PRIVATE_KEY)) {
            throw new KeyMaterialException("is an ED25519 PRIVATE KEY block holding a key of another algorithm");
        }
        if (oid.equals(X9ObjectIdentifiers.id_ecPublicKey)) {
            ASN1Encodable parameters = info.getPrivateKeyAlgorithm().getParameters();
            return fromSec1(ECPrivateKey.getInstance(info.parsePrivateKey()),
                    parameters instanceof ASN1ObjectIdentifier ? (ASN1ObjectIdentifier) parameters : null);
        }
        if (oid.equals(PKCSObjectIdentifiers.rsaEncryption)) {
            return rsa(RSAPrivateKey.getInstance(info.parsePrivateKey()));
        }
        throw new KeyMaterialException("holds a key of an algorithm Talos does not use (OID " + oid.getId() + ")");
    }

    private static PrivateKeyMaterial fromSec1(ECPrivateKey sec1, ASN1ObjectIdentifier outerCurve) throws KeyMaterialException {
        ASN1ObjectIdentifier curve = outerCurve;
        Object inner = sec1.getParametersObject();
        if (inner instanceof ASN1ObjectIdentifier) {
            curve = (ASN1ObjectIdentifier) inner;
        }
        if (curve == null) {
            throw new KeyMaterialException("is an elliptic-curve key without a named curve");
        }
        PrivateKeyMaterial key = ec(curve, sec1.getKey());
        if (sec1.getPublicKey() != null && !Arrays.equals(sec1.getPublicKey().getOctets(),
                key.publicKey.getPublicKeyData().getOctets())) {
            // A compressed point is still the same key; compare points, not encodings.
            X9ECParameters parameters = curveParameters(curve);
            ECPoint stored;
            try {
                stored = parameters.getCurve().decodePoint(sec1.getPublicKey().getOctets());
            } catch (IllegalArgumentException e) {
                throw new KeyMaterialException("holds a public key that is not a point on its curve");
            }
            if (!stored.equals(parameters.getCurve().decodePoint(key.publicKey.getPublicKeyData().getOctets()))) {
                throw new KeyMaterialException("holds a public key that does not belong to its private key");
            }
        }
        return key;
    }

    Algorithm algorithm() {
        return algorithm;
    }

    /** e.g. {@code Ed25519}, {@code ECDSA P-256}, {@code RSA 4096}. */
    String description() {
        return description;
    }

    SubjectPublicKeyInfo publicKey() {
        return publicKey;
    }

    /** The key in the PEM form Talos writes for its algorithm. */
    String pem() {
        return pem;
    }

    /** The Ed25519 seed; only for Ed25519 keys. */
    byte[] ed25519Seed() {
        if (algorithm != Algorithm.ED25519) {
            throw new IllegalStateException("not an Ed25519 key");
        }
        try {
            return ASN1OctetString.getInstance(pkcs8.parsePrivateKey()).getOctets();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read an Ed25519 key built here", e);
        }
    }

    /** Whether {@code candidate} (a certificate's key) is the public half of this key. */
    boolean matches(SubjectPublicKeyInfo candidate) {
        if (!candidate.getAlgorithm().getAlgorithm().equals(publicKey.getAlgorithm().getAlgorithm())) {
            return false;
        }
        try {
            switch (algorithm) {
                case ED25519:
                    return Arrays.equals(candidate.getPublicKeyData().getOctets(), publicKey.getPublicKeyData().getOctets());
                case EC: {
                    ASN1Encodable curve = publicKey.getAlgorithm().getParameters();
                    if (!curve.equals(candidate.getAlgorithm().getParameters())) {
                        return false;
                    }
                    X9ECParameters parameters = curveParameters((ASN1ObjectIdentifier) curve);
                    return parameters.getCurve().decodePoint(candidate.getPublicKeyData().getOctets())
                            .equals(parameters.getCurve().decodePoint(publicKey.getPublicKeyData().getOctets()));
                }
                case RSA: {
                    RSAPublicKey mine = RSAPublicKey.getInstance(publicKey.parsePublicKey());
                    RSAPublicKey theirs = RSAPublicKey.getInstance(candidate.parsePublicKey());
                    return mine.getModulus().equals(theirs.getModulus())
                            && mine.getPublicExponent().equals(theirs.getPublicExponent());
                }
                default:
                    return false;
            }
        } catch (IOException | IllegalArgumentException | ClassCastException e) {
            return false;
        }
    }

    /** The key for JCA signing (the JDK's own providers handle all three algorithms). */
    PrivateKey toJca() {
        try {
            return KeyFactory.getInstance(algorithm.jcaKeyAlgorithm).generatePrivate(new PKCS8EncodedKeySpec(der(pkcs8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot load a " + description + " key", e);
        }
    }

    @Override
    public String toString() {
        return "PrivateKeyMaterial[" + description + ", " + SecretsBundle.REDACTED + "]";
    }

    private static String curveName(ASN1ObjectIdentifier curve) {
        if (curve.equals(X9ObjectIdentifiers.prime256v1)) {
            return "P-256";
        }
        String name = ECNamedCurveTable.getName(curve);
        return name != null ? name : curve.getId();
    }

    private static PrivateKeyInfo pkcs8(AlgorithmIdentifier algorithmId, ASN1Encodable key) {
        try {
            return new PrivateKeyInfo(algorithmId, key);
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode a private key", e);
        }
    }

    static byte[] der(ASN1Encodable value) {
        try {
            return value.toASN1Primitive().getEncoded("DER");
        } catch (IOException e) {
            throw new IllegalStateException("cannot DER-encode", e);
        }
    }
}
