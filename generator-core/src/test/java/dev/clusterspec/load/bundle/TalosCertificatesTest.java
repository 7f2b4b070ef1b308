package dev.clusterspec.load.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.security.interfaces.EdECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.junit.jupiter.api.Test;

class TalosCertificatesTest {

    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

    private final SecretsBundle bundle = TestBundles.generated();
    private final X509Certificate osCa = X509TestSupport.certificate(bundle.certs().os().certificatePem());
    private final Instant caNotBefore = osCa.getNotBefore().toInstant();

    @Test
    void adminCertificateChainsToTheOsCaWithRoleOsAdmin() throws GeneralSecurityException {
        Clock clock = at(caNotBefore.plus(Duration.ofDays(3)));
        ClientCertificate admin = TalosCertificates.issueAdminClientCert(bundle, clock);
        X509Certificate certificate = X509TestSupport.certificate(admin.certificatePem());

        certificate.verify(osCa.getPublicKey());
        assertThat(certificate.getIssuerX500Principal()).isEqualTo(osCa.getSubjectX500Principal());
        assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("O=os:admin");
        assertThat(admin.roles()).containsExactly("os:admin");

        // a full PKIX path validation by the JDK, with the OS CA as the only trust anchor
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(osCa, null)));
        parameters.setRevocationEnabled(false);
        parameters.setDate(Date.from(clock.instant()));
        CertPathValidator.getInstance("PKIX").validate(
                CertificateFactory.getInstance("X.509").generateCertPath(List.of(certificate)), parameters);
    }

    @Test
    void clientCertificateHasTalosctlShape() throws GeneralSecurityException {
        ClientCertificate admin = TalosCertificates.issueAdminClientCert(bundle, at(caNotBefore.plusSeconds(60)));
        X509Certificate certificate = X509TestSupport.certificate(admin.certificatePem());

        assertThat(((EdECPublicKey) certificate.getPublicKey()).getParams().getName()).isEqualTo("Ed25519");
        assertThat(X509TestSupport.pem(admin.keyPem()).getType()).isEqualTo("ED25519 PRIVATE KEY");
        assertThat(X509TestSupport.pairs(X509TestSupport.privateKey(admin.keyPem()), certificate.getPublicKey())).isTrue();
        assertThat(certificate.getBasicConstraints()).as("not a CA").isEqualTo(-1);
        assertThat(certificate.getKeyUsage()).startsWith(true, false, false, false, false, false);
        assertThat(certificate.getCriticalExtensionOIDs()).containsExactly("2.5.29.15");
        assertThat(certificate.getExtendedKeyUsage()).containsExactly(CLIENT_AUTH);
        byte[] caKeyId = SubjectKeyIdentifier.getInstance(
                ASN1OctetString.getInstance(osCa.getExtensionValue("2.5.29.14")).getOctets()).getKeyIdentifier();
        byte[] authorityKeyId = AuthorityKeyIdentifier.getInstance(
                ASN1OctetString.getInstance(certificate.getExtensionValue("2.5.29.35")).getOctets()).getKeyIdentifierOctets();
        assertThat(authorityKeyId).isEqualTo(caKeyId);
        assertThat(certificate.getSerialNumber().signum()).isPositive();
    }

    @Test
    void validityIsOneTalosYearFromTheCaNotBefore() {
        ClientCertificate admin = TalosCertificates.issueAdminClientCert(bundle, at(caNotBefore.plus(Duration.ofDays(100))));
        X509Certificate certificate = X509TestSupport.certificate(admin.certificatePem());
        assertThat(certificate.getNotBefore().toInstant()).isEqualTo(caNotBefore).isEqualTo(admin.notBefore());
        assertThat(certificate.getNotAfter().toInstant()).isEqualTo(caNotBefore.plus(Duration.ofHours(8760)))
                .isEqualTo(admin.notAfter());
    }

    @Test
    void sameBundleAndWindowGiveByteIdenticalCertificateAndKey() {
        ClientCertificate first = TalosCertificates.issueAdminClientCert(bundle, at(caNotBefore.plus(Duration.ofDays(1))));
        ClientCertificate again = TalosCertificates.issueAdminClientCert(bundle, at(caNotBefore.plus(Duration.ofDays(1))));
        ClientCertificate laterInWindow = TalosCertificates.issueAdminClientCert(bundle,
                at(caNotBefore.plus(TalosCertificates.RENEWAL_STEP).minusSeconds(1)));
        ClientCertificate rereadBundle = TalosCertificates.issueAdminClientCert(
                SecretsBundleReader.read(TestBundles.generatedCreation().file()), at(caNotBefore.plus(Duration.ofDays(1))));

        for (ClientCertificate other : List.of(again, laterInWindow, rereadBundle)) {
            assertThat(other.certificatePem()).isEqualTo(first.certificatePem());
            assertThat(other.keyPem()).isEqualTo(first.keyPem());
        }
    }

    @Test
    void nextWindowGivesAFreshCertificateStillValidForHalfAYearAtLeast() {
        Instant now = caNotBefore.plus(TalosCertificates.RENEWAL_STEP).plusSeconds(5);
        ClientCertificate first = TalosCertificates.issueAdminClientCert(bundle, at(caNotBefore));
        ClientCertificate next = TalosCertificates.issueAdminClientCert(bundle, at(now));

        assertThat(next.notBefore()).isEqualTo(caNotBefore.plus(TalosCertificates.RENEWAL_STEP));
        assertThat(next.certificatePem()).isNotEqualTo(first.certificatePem());
        assertThat(next.keyPem()).as("each window has its own key").isNotEqualTo(first.keyPem());
        assertThat(Duration.between(now, next.notAfter())).isGreaterThan(TalosCertificates.RENEWAL_STEP.minusSeconds(10));
        assertThat(X509TestSupport.certificate(next.certificatePem()).getSerialNumber())
                .isNotEqualTo(X509TestSupport.certificate(first.certificatePem()).getSerialNumber());
    }

    @Test
    void differentBundlesGiveDifferentKeys() {
        Clock clock = at(Instant.parse("2026-06-01T00:00:00Z"));
        ClientCertificate ours = TalosCertificates.issueAdminClientCert(bundle, clock);
        ClientCertificate reference = TalosCertificates.issueAdminClientCert(TestBundles.referenceBundle(), clock);
        assertThat(ours.keyPem()).isNotEqualTo(reference.keyPem());
        assertThat(X509TestSupport.certificate(reference.certificatePem()).getIssuerX500Principal().getName()).isEqualTo("O=talos");
    }

    @Test
    void talosctlMadeBundleIssuesVerifiableCertificates() throws GeneralSecurityException {
        SecretsBundle reference = TestBundles.referenceBundle();
        X509Certificate referenceCa = X509TestSupport.certificate(reference.certs().os().certificatePem());
        ClientCertificate admin = TalosCertificates.issueAdminClientCert(reference, at(Instant.parse("2026-06-01T00:00:00Z")));
        X509TestSupport.certificate(admin.certificatePem()).verify(referenceCa.getPublicKey());
    }

    @Test
    void severalRolesGoIntoTheOrganizationSortedAndOrderDoesNotMatter() {
        Clock clock = at(caNotBefore);
        ClientCertificate one = TalosCertificates.issueAdminClientCert(bundle, clock, "os:reader", "os:etcd:backup");
        ClientCertificate two = TalosCertificates.issueAdminClientCert(bundle, clock, "os:etcd:backup", "os:reader", "os:reader");
        assertThat(one.certificatePem()).isEqualTo(two.certificatePem());
        assertThat(one.roles()).containsExactly("os:etcd:backup", "os:reader");
        String subject = X509TestSupport.certificate(one.certificatePem()).getSubjectX500Principal().getName();
        assertThat(Arrays.asList(subject.split("\\+"))).containsExactlyInAnyOrder("O=os:etcd:backup", "O=os:reader");
        assertThat(one.keyPem()).isNotEqualTo(TalosCertificates.issueAdminClientCert(bundle, clock).keyPem());
    }

    @Test
    void unknownRoleIsRefused() {
        assertThatThrownBy(() -> TalosCertificates.issueAdminClientCert(bundle, at(caNotBefore), "admin"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Unknown Talos role 'admin'; known roles: [os:admin, ");
    }

    @Test
    void certificateNeverOutlivesTheCaAndAnExpiredCaIsReported() {
        Instant caNotAfter = osCa.getNotAfter().toInstant();
        ClientCertificate last = TalosCertificates.issueAdminClientCert(bundle, at(caNotAfter.minusSeconds(60)));
        assertThat(last.notAfter()).isEqualTo(caNotAfter);

        assertThatThrownBy(() -> TalosCertificates.issueAdminClientCert(bundle, at(caNotAfter)))
                .isInstanceOf(SecretsBundleException.class)
                .hasMessageStartingWith("The secrets bundle's OS CA (certs.os) expired on " + caNotAfter);
    }

    @Test
    void clockBeforeTheCaStartsUsesTheFirstWindow() {
        assertThat(TalosCertificates.windowStart(caNotBefore, caNotBefore.minusSeconds(3600))).isEqualTo(caNotBefore);
        assertThat(TalosCertificates.windowStart(caNotBefore, caNotBefore.plus(TalosCertificates.RENEWAL_STEP.multipliedBy(3))))
                .isEqualTo(caNotBefore.plus(TalosCertificates.RENEWAL_STEP.multipliedBy(3)));
    }

    @Test
    void nonEd25519OsCaIsRefusedWithAReason() {
        SecretsBundle ecdsaOs = new SecretsBundle(bundle.cluster(), bundle.secrets(), bundle.trustdInfo(),
                new SecretsBundle.Certs(bundle.certs().etcd(), bundle.certs().k8s(), bundle.certs().k8sAggregator(),
                        bundle.certs().k8sServiceAccount(), bundle.certs().etcd()));
        assertThatThrownBy(() -> TalosCertificates.issueAdminClientCert(ecdsaOs, at(caNotBefore)))
                .isInstanceOf(SecretsBundleException.class)
                .hasMessageContaining("(certs.os) key is ECDSA P-256;")
                .hasMessageContaining("only Ed25519 signatures make the certificate reproducible");
    }

    @Test
    void toStringDoesNotShowTheKey() {
        ClientCertificate admin = TalosCertificates.issueAdminClientCert(bundle, at(caNotBefore));
        assertThat(admin.toString()).doesNotContain(admin.keyPem()).doesNotContain(admin.keyBase64()).contains("<redacted>");
    }

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }
}
