package dev.clusterspec.load.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPublicKey;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading bundles: the talosctl-made reference, ours, and broken ones. */
class SecretsBundleReaderTest {

    @TempDir
    Path temp;

    @Test
    void talosctlReferenceBundleLoadsAndItsCasDecode() {
        SecretsBundle bundle = TestBundles.referenceBundle();

        assertThat(bundle.secrets().bootstrapToken()).matches("[a-z0-9]{6}\\.[a-z0-9]{16}");
        assertThat(bundle.secrets().secretbox()).isPresent();
        assertThat(bundle.secrets().aescbc()).isEmpty();
        assertThat(bundle.trustdInfo().token()).matches("[a-z0-9]{6}\\.[a-z0-9]{16}");
        assertThat(Base64.getUrlDecoder().decode(bundle.cluster().id())).hasSize(32);

        X509Certificate os = X509TestSupport.certificate(bundle.certs().os().certificatePem());
        assertThat(os.getSubjectX500Principal().getName()).isEqualTo("O=talos");
        assertThat(((EdECPublicKey) os.getPublicKey()).getParams().getName()).isEqualTo("Ed25519");
        assertThat(X509TestSupport.pairs(X509TestSupport.privateKey(bundle.certs().os().keyPem()), os.getPublicKey())).isTrue();

        X509Certificate etcd = X509TestSupport.certificate(bundle.certs().etcd().certificatePem());
        assertThat(etcd.getSubjectX500Principal().getName()).isEqualTo("O=etcd");
        assertThat(etcd.getPublicKey()).isInstanceOf(ECPublicKey.class);
        X509Certificate k8s = X509TestSupport.certificate(bundle.certs().k8s().certificatePem());
        assertThat(k8s.getSubjectX500Principal().getName()).isEqualTo("O=kubernetes");
        for (X509Certificate ca : List.of(os, etcd, k8s)) {
            assertThat(ca.getBasicConstraints()).isEqualTo(Integer.MAX_VALUE);
        }
        // talosctl's front-proxy CA has an empty subject and issuer, which the JDK refuses to parse
        assertThatThrownBy(() -> X509TestSupport.certificate(bundle.certs().k8sAggregator().certificatePem()))
                .hasMessageContaining("Empty issuer DN");
        X509CertificateHolder aggregator = parseAllowingEmptyIssuer(bundle.certs().k8sAggregator().certificatePem());
        assertThat(aggregator.getSubject().getRDNs()).isEmpty();
        assertThat(BasicConstraints.fromExtensions(aggregator.getExtensions()).isCA()).isTrue();
        // this test bundle predates the RSA service-account key (contract >= 1.7): it is ECDSA
        assertThat(X509TestSupport.pem(bundle.certs().k8sServiceAccount().keyPem()).getType()).isEqualTo("EC PRIVATE KEY");
    }

    @Test
    void writerReproducesTheTalosctlFileByteForByte() throws IOException {
        String original = TestBundles.referenceBundleText();
        // the upstream test file starts with a comment line that talosctl does not write
        String withoutComment = original.substring(original.indexOf('\n') + 1);
        assertThat(original).startsWith("#");

        assertThat(SecretsBundleWriter.toYaml(TestBundles.referenceBundle())).isEqualTo(withoutComment);

        Path copy = temp.resolve("secrets.yaml");
        SecretsBundleWriter.writeNew(copy, TestBundles.referenceBundle());
        assertThat(Files.readString(copy)).isEqualTo(withoutComment);
    }

    @Test
    void ourOwnBundleRoundTrips() throws IOException {
        SecretsBundleCreation creation = TestBundles.generatedCreation();
        SecretsBundle read = SecretsBundleReader.read(creation.file());
        assertThat(read).isEqualTo(creation.bundle());
        assertThat(SecretsBundleWriter.toYaml(read)).isEqualTo(Files.readString(creation.file()));
    }

    @Test
    void aescbcBundlesFromOldTalosVersionsAreAccepted() {
        String yaml = TestBundles.referenceBundleText()
                .replace("secretboxencryptionsecret:", "aescbcencryptionsecret:");
        SecretsBundle bundle = SecretsBundleReader.parse(yaml, "old.yaml");
        assertThat(bundle.secrets().aescbc()).isPresent();
        assertThat(bundle.secrets().secretbox()).isEmpty();
        assertThat(SecretsBundleWriter.toYaml(bundle)).contains("    aescbcencryptionsecret: ").doesNotContain("secretbox");
    }

    @Test
    void malformedYamlGivesLineAndColumnAndNoSecret() throws IOException {
        String original = TestBundles.referenceBundleText();
        // an unterminated quote right before a secret: the scanner reads on through the secrets
        String broken = original.replace("    secret: ", "    secret: \"");
        Path file = temp.resolve("broken.yaml");
        Files.writeString(file, broken);

        SecretsBundleFormatException e = catchThrowableOfType(SecretsBundleFormatException.class,
                () -> SecretsBundleReader.read(file));

        assertThat(e.problems()).hasSize(1);
        SecretsBundleProblem problem = e.problems().get(0);
        assertThat(problem.source()).isEqualTo(file.toString());
        assertThat(e.getMessage()).startsWith(file + ":" + problem.line() + ":" + problem.column() + ": invalid YAML");
        assertThat(problem.line()).isGreaterThan(1);
        assertNoSecretIn(e.getMessage(), original);
    }

    @Test
    void badIndentationIsReportedWhereItIs() {
        String original = TestBundles.referenceBundleText();
        String broken = original.replace("trustdinfo:\n    token:", "trustdinfo:\n  token:\n   - x\n    token:");
        SecretsBundleFormatException e = catchThrowableOfType(SecretsBundleFormatException.class,
                () -> SecretsBundleReader.parse(broken, "secrets.yaml"));
        assertThat(e.getMessage()).matches("(?s)secrets\\.yaml:\\d+:\\d+: invalid YAML: .*");
        assertNoSecretIn(e.getMessage(), original);
    }

    @Test
    void missingFieldIsNamedAtItsParent() {
        String original = TestBundles.referenceBundleText();
        String withoutToken = removeLineStartingWith(original, "    token: ");
        int trustdLine = lineOf(withoutToken, "trustdinfo:");

        SecretsBundleFormatException e = catchThrowableOfType(SecretsBundleFormatException.class,
                () -> SecretsBundleReader.parse(withoutToken, "secrets.yaml"));

        // "trustdinfo:" with nothing under it is a null value, reported where the value would start
        assertThat(e.getMessage()).startsWith("secrets.yaml:" + trustdLine + ":").contains("trustdinfo must be a mapping");
        assertNoSecretIn(e.getMessage(), original);
    }

    @Test
    void missingKeyInsideAMappingIsNamed() {
        String original = TestBundles.referenceBundleText();
        String withoutSecret = removeLineStartingWith(original, "    secret: ");
        SecretsBundleFormatException e = catchThrowableOfType(SecretsBundleFormatException.class,
                () -> SecretsBundleReader.parse(withoutSecret, "secrets.yaml"));
        assertThat(e.getMessage()).isEqualTo("secrets.yaml:3:5: cluster is missing required key 'secret'");
    }

    @Test
    void unknownAndDuplicateKeysAreErrorsAndAllProblemsAreReportedTogether() {
        String original = TestBundles.referenceBundleText();
        String broken = original
                .replace("trustdinfo:\n", "trustdinfo:\n    tokn: abc\n")
                .replace("cluster:\n", "cluster:\n    id: AAAA\n");
        SecretsBundleFormatException e = catchThrowableOfType(SecretsBundleFormatException.class,
                () -> SecretsBundleReader.parse(broken, "secrets.yaml"));
        assertThat(e.problems()).extracting(SecretsBundleProblem::message).containsExactly(
                "duplicate key 'id' in cluster",
                "unknown key 'tokn' in trustdinfo (expected token)");
        assertThat(e.problems().get(0).line()).isEqualTo(lineOf(broken, "    id: 0raF") );
        assertThat(e.problems().get(1).line()).isEqualTo(lineOf(broken, "    tokn:"));
        assertThat(e.problems()).allSatisfy(p -> assertThat(p.column()).isEqualTo(5));
    }

    @Test
    void secretPastedInKeyPositionIsNotRepeated() {
        String original = TestBundles.referenceBundleText();
        String secret = TestBundles.referenceBundle().cluster().secret();
        String broken = original.replace("    secret: " + secret, "    secret: eA==\n    " + secret + ": y");
        SecretsBundleFormatException e = catchThrowableOfType(SecretsBundleFormatException.class,
                () -> SecretsBundleReader.parse(broken, "secrets.yaml"));
        assertThat(e.getMessage()).isEqualTo("secrets.yaml:5:5: unknown key (not shown: it does not look like a field name)"
                + " in cluster (expected id, secret)");
        assertNoSecretIn(e.getMessage(), original);
    }

    @Test
    void undecodableKeyIsReportedWithoutItsValue() {
        String original = TestBundles.referenceBundleText();
        String osKey = TestBundles.referenceBundle().certs().os().keyBase64();
        String broken = original.replace(osKey, osKey.substring(0, 10) + "$$$" + osKey.substring(13));
        SecretsBundleFormatException e = catchThrowableOfType(SecretsBundleFormatException.class,
                () -> SecretsBundleReader.parse(broken, "secrets.yaml"));
        int line = lineOf(broken, "        key: " + osKey.substring(0, 10) + "$$$");
        assertThat(e.getMessage()).isEqualTo("secrets.yaml:" + line + ":14: certs.os.key is not valid base64"
                + " (expected base64 of PEM text)");
        assertNoSecretIn(e.getMessage(), original);
    }

    @Test
    void keyOfAnotherCertificateIsRefused() {
        SecretsBundle reference = TestBundles.referenceBundle();
        String etcdKey = reference.certs().etcd().keyBase64();
        String k8sKey = reference.certs().k8s().keyBase64();
        String swapped = TestBundles.referenceBundleText().replace(etcdKey, "SWAP").replace(k8sKey, etcdKey).replace("SWAP", k8sKey);
        SecretsBundleFormatException e = catchThrowableOfType(SecretsBundleFormatException.class,
                () -> SecretsBundleReader.parse(swapped, "secrets.yaml"));
        assertThat(e.problems()).extracting(SecretsBundleProblem::message).containsExactly(
                "certs.etcd.key (ECDSA P-256) is not the key of certs.etcd.crt",
                "certs.k8s.key (ECDSA P-256) is not the key of certs.k8s.crt");
    }

    @Test
    void certificateInPlaceOfAKeyIsRefused() {
        SecretsBundle reference = TestBundles.referenceBundle();
        String yaml = TestBundles.referenceBundleText()
                .replace(reference.certs().os().keyBase64(), reference.certs().os().certificateBase64());
        SecretsBundleFormatException e = catchThrowableOfType(SecretsBundleFormatException.class,
                () -> SecretsBundleReader.parse(yaml, "secrets.yaml"));
        assertThat(e.problems()).extracting(SecretsBundleProblem::message).containsExactly(
                "certs.os.key is a PEM block of type 'CERTIFICATE', expected one of ED25519 PRIVATE KEY,"
                        + " EC PRIVATE KEY, RSA PRIVATE KEY, PRIVATE KEY");
    }

    @Test
    void tokenAndEncryptionSecretFormatsAreChecked() {
        String original = TestBundles.referenceBundleText();
        SecretsBundle reference = TestBundles.referenceBundle();
        String broken = original
                .replace(reference.secrets().bootstrapToken(), "NOT-A-TOKEN")
                .replace(reference.secrets().secretboxEncryptionSecret(), "c2hvcnQ=");
        SecretsBundleFormatException e = catchThrowableOfType(SecretsBundleFormatException.class,
                () -> SecretsBundleReader.parse(broken, "secrets.yaml"));
        assertThat(e.problems()).extracting(SecretsBundleProblem::message).containsExactly(
                "secrets.bootstraptoken is not a bootstrap token of the form [a-z0-9]{6}.[a-z0-9]{16}",
                "secrets.secretboxencryptionsecret decodes to 5 bytes; expected 32");
        assertThat(e.getMessage()).doesNotContain("NOT-A-TOKEN").doesNotContain("c2hvcnQ=");
    }

    @Test
    void bothOrNeitherEncryptionSecretIsAnError() {
        String original = TestBundles.referenceBundleText();
        String both = original.replace("    secretboxencryptionsecret:",
                "    aescbcencryptionsecret: 45yd2Ke+sytiICojDf8aibTfgt99nzJmO53cjDqrCto=\n    secretboxencryptionsecret:");
        assertThatThrownBy(() -> SecretsBundleReader.parse(both, "s.yaml"))
                .hasMessage("s.yaml:7:5: secrets: only one of secretboxencryptionsecret and aescbcencryptionsecret is allowed");
        String neither = removeLineStartingWith(original, "    secretboxencryptionsecret:");
        assertThatThrownBy(() -> SecretsBundleReader.parse(neither, "s.yaml"))
                .hasMessage("s.yaml:6:5: secrets: one of secretboxencryptionsecret and aescbcencryptionsecret is required");
    }

    @Test
    void emptyValuesAndWrongShapesAreNamed() {
        String original = TestBundles.referenceBundleText();
        String broken = original.replaceFirst("    token: .*\n", "    token: \"\"\n")
                .replace("    k8sserviceaccount:\n", "    k8sserviceaccount: [a, b]\n    unused:\n");
        SecretsBundleFormatException e = catchThrowableOfType(SecretsBundleFormatException.class,
                () -> SecretsBundleReader.parse(broken, "secrets.yaml"));
        assertThat(e.problems()).extracting(SecretsBundleProblem::message).contains(
                "trustdinfo.token has no value",
                "certs.k8sserviceaccount must be a mapping with keys key");
    }

    @Test
    void emptyFileAndMultipleDocumentsAreRefused() {
        assertThatThrownBy(() -> SecretsBundleReader.parse("", "e.yaml"))
                .hasMessage("e.yaml:1:1: file is empty; expected a Talos secrets bundle (cluster, secrets, trustdinfo, certs)");
        assertThatThrownBy(() -> SecretsBundleReader.parse("a: 1\n---\nb: 2\n", "m.yaml"))
                .hasMessage("m.yaml:3:1: more than one YAML document; a secrets bundle is a single document");
        assertThatThrownBy(() -> SecretsBundleReader.parse("- a\n", "l.yaml"))
                .hasMessage("l.yaml:1:1: the document must be a mapping with keys cluster, secrets, trustdinfo, certs");
    }

    @Test
    void missingFileAndNonUtf8AreClear() throws IOException {
        Path missing = temp.resolve("nope.yaml");
        assertThatThrownBy(() -> SecretsBundleReader.read(missing))
                .isInstanceOf(SecretsBundleException.class)
                .hasMessage("Secrets bundle " + missing + " does not exist");
        Path binary = temp.resolve("binary.yaml");
        Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 0x00, 0x41});
        assertThatThrownBy(() -> SecretsBundleReader.read(binary))
                .hasMessage(binary + ":1:1: file is not UTF-8 text");
    }

    private static X509CertificateHolder parseAllowingEmptyIssuer(String pem) {
        Properties.setThreadOverride(Properties.X509_ALLOW_EMPTY_ISSUER_CERT, true);
        try {
            return new X509CertificateHolder(X509TestSupport.pem(pem).getContent());
        } catch (IOException e) {
            throw new AssertionError(e);
        } finally {
            Properties.removeThreadOverride(Properties.X509_ALLOW_EMPTY_ISSUER_CERT);
        }
    }

    private static void assertNoSecretIn(String message, String bundleYaml) {
        for (String value : TestBundles.secretValues(bundleYaml)) {
            assertThat(message).doesNotContain(value);
            // nor any recognisable piece of it
            for (int i = 0; i + 12 <= value.length(); i += 6) {
                assertThat(message).doesNotContain(value.substring(i, i + 12));
            }
        }
    }

    private static String removeLineStartingWith(String text, String prefix) {
        return text.replaceFirst("(?m)^" + java.util.regex.Pattern.quote(prefix) + ".*\n", "");
    }

    private static int lineOf(String text, String prefix) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line starts with " + prefix);
    }
}
