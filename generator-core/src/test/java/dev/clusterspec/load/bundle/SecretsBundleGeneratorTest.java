package dev.clusterspec.load.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.junit.jupiter.api.Test;

/** The generated bundle, decoded with the JDK, against what talosctl generates (research §3.2). */
class SecretsBundleGeneratorTest {

    private static final String KEY_USAGE = "2.5.29.15";
    private static final String BASIC_CONSTRAINTS = "2.5.29.19";
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

    private final SecretsBundle bundle = TestBundles.generated();

    @Test
    void osCaIsEd25519WithOrganizationTalos() {
        X509Certificate ca = caChecked(bundle.certs().os(), "O=talos");
        assertThat(ca.getPublicKey()).isInstanceOf(EdECPublicKey.class);
        assertThat(((EdECPublicKey) ca.getPublicKey()).getParams().getName()).isEqualTo("Ed25519");
        assertThat(ca.getSigAlgName()).isIn("Ed25519", "EdDSA");
        assertThat(X509TestSupport.pem(bundle.certs().os().keyPem()).getType()).isEqualTo("ED25519 PRIVATE KEY");
    }

    @Test
    void ed25519KeyIsPkcs8VersionZeroLikeGoWritesIt() {
        PrivateKeyInfo info = PrivateKeyInfo.getInstance(X509TestSupport.pem(bundle.certs().os().keyPem()).getContent());
        assertThat(info.getVersion()).isEqualTo(new ASN1Integer(0));
        assertThat(info.hasPublicKey()).isFalse();
        assertThat(info.getPrivateKeyAlgorithm().getAlgorithm().getId()).isEqualTo("1.3.101.112");
    }

    @Test
    void kubernetesEtcdAndAggregatorCasAreEcdsaP256() {
        caChecked(bundle.certs().etcd(), "O=etcd");
        caChecked(bundle.certs().k8s(), "O=kubernetes");
        caChecked(bundle.certs().k8sAggregator(), "CN=front-proxy");
        for (SecretsBundle.CertificateAndKey ca : List.of(bundle.certs().etcd(), bundle.certs().k8s(), bundle.certs().k8sAggregator())) {
            X509Certificate certificate = X509TestSupport.certificate(ca.certificatePem());
            assertThat(certificate.getPublicKey()).isInstanceOf(ECPublicKey.class);
            assertThat(((ECPublicKey) certificate.getPublicKey()).getParams().getCurve().getField().getFieldSize()).isEqualTo(256);
            assertThat(certificate.getPublicKey().getEncoded())
                    .as("named curve P-256 in the public key")
                    .containsSequence(derOf(X9ObjectIdentifiers.prime256v1));
            assertThat(certificate.getSigAlgName()).isEqualTo("SHA256withECDSA");
            ECPrivateKey sec1 = ECPrivateKey.getInstance(X509TestSupport.pem(ca.keyPem()).getContent());
            assertThat(X509TestSupport.pem(ca.keyPem()).getType()).isEqualTo("EC PRIVATE KEY");
            assertThat(sec1.getParametersObject()).isEqualTo(X9ObjectIdentifiers.prime256v1);
            assertThat(sec1.getPublicKey()).as("SEC1 carries the public key, as Go writes it").isNotNull();
        }
    }

    @Test
    void serviceAccountKeyIsRsa4096Pkcs1() {
        assertThat(X509TestSupport.pem(bundle.certs().k8sServiceAccount().keyPem()).getType()).isEqualTo("RSA PRIVATE KEY");
        RSAPrivateCrtKey key = (RSAPrivateCrtKey) X509TestSupport.privateKey(bundle.certs().k8sServiceAccount().keyPem());
        assertThat(key.getModulus().bitLength()).isEqualTo(4096);
        assertThat(key.getPublicExponent().intValue()).isEqualTo(65537);
    }

    @Test
    void everyCaIsValidTenYearsFromTheClockSecond() {
        for (SecretsBundle.CertificateAndKey ca : cas()) {
            X509Certificate certificate = X509TestSupport.certificate(ca.certificatePem());
            assertThat(certificate.getNotBefore().toInstant()).isEqualTo(TestBundles.GENERATED_AT.truncatedTo(ChronoUnit.SECONDS));
            assertThat(Duration.between(certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant()))
                    .isEqualTo(Duration.ofHours(87_600));
        }
    }

    @Test
    void serialsAreRandomAndPositive() {
        Set<Object> serials = new HashSet<>();
        for (SecretsBundle.CertificateAndKey ca : cas()) {
            X509Certificate certificate = X509TestSupport.certificate(ca.certificatePem());
            assertThat(certificate.getSerialNumber().signum()).isPositive();
            assertThat(certificate.getSerialNumber().bitLength()).isLessThanOrEqualTo(128).isGreaterThan(64);
            serials.add(certificate.getSerialNumber());
        }
        assertThat(serials).hasSize(4);
    }

    @Test
    void tokensAndSecretsHaveTalosFormats() {
        assertThat(bundle.secrets().bootstrapToken()).matches("[a-z0-9]{6}\\.[a-z0-9]{16}");
        assertThat(bundle.trustdInfo().token()).matches("[a-z0-9]{6}\\.[a-z0-9]{16}");
        assertThat(bundle.secrets().bootstrapToken()).isNotEqualTo(bundle.trustdInfo().token());
        assertThat(bundle.secrets().aescbc()).isEmpty();
        assertThat(Base64.getDecoder().decode(bundle.secrets().secretboxEncryptionSecret())).hasSize(32);
        assertThat(bundle.cluster().id()).matches("[A-Za-z0-9_-]{43}=");
        assertThat(Base64.getUrlDecoder().decode(bundle.cluster().id())).hasSize(32);
        assertThat(Base64.getDecoder().decode(bundle.cluster().secret())).hasSize(32);
    }

    @Test
    void tokenCharactersCoverTheWholeAlphabet() {
        SecureRandom random = new SecureRandom();
        Set<Character> seen = new TreeSet<>();
        for (int i = 0; i < 200; i++) {
            String token = SecretsBundleGenerator.token(random);
            assertThat(token).matches("[a-z0-9]{6}\\.[a-z0-9]{16}");
            token.chars().filter(c -> c != '.').forEach(c -> seen.add((char) c));
        }
        assertThat(seen).hasSize(36);
    }

    @Test
    void toStringNeverShowsASecret() {
        String text = bundle.toString();
        for (String secret : List.of(bundle.cluster().secret(), bundle.secrets().bootstrapToken(),
                bundle.secrets().secretboxEncryptionSecret(), bundle.trustdInfo().token(),
                bundle.certs().os().keyPem(), bundle.certs().os().keyBase64(),
                bundle.certs().k8sServiceAccount().keyPem(), bundle.certs().k8sServiceAccount().keyBase64())) {
            assertThat(text).doesNotContain(secret);
        }
        assertThat(text).contains("<redacted>");
    }

    private List<SecretsBundle.CertificateAndKey> cas() {
        return List.of(bundle.certs().etcd(), bundle.certs().k8s(), bundle.certs().k8sAggregator(), bundle.certs().os());
    }

    /** Checks what every Talos CA has in common and returns the certificate. */
    private static X509Certificate caChecked(SecretsBundle.CertificateAndKey ca, String subject) {
        X509Certificate certificate = X509TestSupport.certificate(ca.certificatePem());
        assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo(subject);
        assertThat(certificate.getIssuerX500Principal()).isEqualTo(certificate.getSubjectX500Principal());
        assertThat(certificate.getVersion()).isEqualTo(3);
        assertThat(certificate.getBasicConstraints()).as("CA:TRUE without path length").isEqualTo(Integer.MAX_VALUE);
        boolean[] keyUsage = certificate.getKeyUsage();
        assertThat(keyUsage[0]).as("digitalSignature").isTrue();
        assertThat(keyUsage[5]).as("keyCertSign").isTrue();
        for (int bit : new int[] {1, 2, 3, 4, 6, 7, 8}) {
            assertThat(keyUsage.length > bit && keyUsage[bit]).as("key usage bit " + bit).isFalse();
        }
        assertThat(certificate.getCriticalExtensionOIDs()).containsExactlyInAnyOrder(KEY_USAGE, BASIC_CONSTRAINTS);
        try {
            assertThat(certificate.getExtendedKeyUsage()).containsExactly(SERVER_AUTH, CLIENT_AUTH);
            certificate.verify(certificate.getPublicKey());
        } catch (GeneralSecurityException e) {
            throw new AssertionError("CA certificate does not verify with its own key", e);
        }
        assertThat(certificate.getExtensionValue("2.5.29.14")).as("subject key identifier").isNotNull();
        assertThat(X509TestSupport.pairs(X509TestSupport.privateKey(ca.keyPem()), certificate.getPublicKey()))
                .as("key belongs to certificate").isTrue();
        return certificate;
    }

    private static byte[] derOf(org.bouncycastle.asn1.ASN1Object object) {
        try {
            return object.getEncoded("DER");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
