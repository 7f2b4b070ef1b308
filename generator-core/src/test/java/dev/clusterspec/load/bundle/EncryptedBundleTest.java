package dev.clusterspec.load.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.clusterspec.load.age.AgeCli;
import dev.clusterspec.load.age.AgeDecryptor;
import dev.clusterspec.load.age.AgeKeySources;
import dev.clusterspec.load.age.AgeRecipient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Talos secrets bundle kept encrypted with age: cluster:secrets writes only the encrypted file,
 * which the age CLI decrypts to a bundle talosctl can read; a bundle the CLI encrypted is read here;
 * the configured path finds its {@code .age} twin.
 */
class EncryptedBundleTest {

    @TempDir
    Path dir;

    private Path identity;
    private AgeRecipient recipient;
    private AgeDecryptor age;

    @BeforeEach
    void keys() {
        identity = dir.resolve("key.txt");
        recipient = new AgeRecipient(AgeCli.keygen(identity));
        age = new AgeDecryptor(new AgeKeySources(identity, name -> null), List.of(recipient));
    }

    @Test
    void aNewBundleIsWrittenEncryptedOnlyAndTheAgeCliReadsIt() throws IOException {
        Path configured = dir.resolve("secrets/talos-secrets.yaml");

        SecretsBundleCreation created = SecretsBundles.createIfAbsent(configured, List.of(recipient), age, Clock.systemUTC(), new SecureRandom());

        Path encrypted = dir.resolve("secrets/talos-secrets.yaml.age");
        assertThat(created.created()).isTrue();
        assertThat(created.file()).isEqualTo(encrypted);
        assertThat(created.message()).contains("encrypted with age for " + recipient.value()).contains("never written");
        try (Stream<Path> files = Files.list(configured.getParent())) {
            assertThat(files).as("only the encrypted bundle is written").containsExactly(encrypted);
        }
        byte[] plain = AgeCli.decrypt(Files.readAllBytes(encrypted), identity);
        assertThat(SecretsBundleReader.read(plain, "decrypted by the age CLI")).isEqualTo(created.bundle());
        assertThat(new String(plain, java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(SecretsBundleWriter.toYaml(created.bundle()));

        SecretsBundleCreation again = SecretsBundles.createIfAbsent(configured, List.of(recipient), age, Clock.systemUTC(), new SecureRandom());
        assertThat(again.created()).isFalse();
        assertThat(again.message()).isEqualTo("Talos secrets bundle " + encrypted + " (age-encrypted) already exists and is valid; left unchanged.");
        assertThat(again.bundle()).isEqualTo(created.bundle());
    }

    @Test
    void aBundleTheAgeCliEncryptedIsFoundBesideTheConfiguredPathAndRead() throws IOException {
        Path configured = dir.resolve("talos-secrets.yaml");
        Files.write(dir.resolve("talos-secrets.yaml.age"),
                AgeCli.encrypt(Files.readAllBytes(TestBundles.referenceBundleFile()), true, recipient.value()));

        SecretsBundleFile.Loaded loaded = SecretsBundleFile.read(configured, age);

        assertThat(loaded.encrypted()).isTrue();
        assertThat(loaded.bundle()).isEqualTo(TestBundles.referenceBundle());
        assertThat(loaded.contentSha256()).isEqualTo(dev.clusterspec.Sha256.hex(Files.readAllBytes(TestBundles.referenceBundleFile())));
        assertThat(loaded.note()).isEmpty();
    }

    @Test
    void whenBothExistThePlainOneIsReadAndTheUserIsToldToDeleteIt() throws IOException {
        Path configured = dir.resolve("talos-secrets.yaml");
        Files.copy(TestBundles.referenceBundleFile(), configured);
        Files.write(dir.resolve("talos-secrets.yaml.age"), AgeCli.encrypt(Files.readAllBytes(configured), false, recipient.value()));

        SecretsBundleFile.Loaded loaded = SecretsBundleFile.read(configured, age);

        assertThat(loaded.encrypted()).isFalse();
        assertThat(loaded.note()).hasValueSatisfying(n -> assertThat(n).contains("the plain one is used").contains("delete " + configured));
    }

    @Test
    void aBundleForSomeoneElseNamesTheFileAndTheRecipients() throws IOException {
        Path other = dir.resolve("other.txt");
        Files.write(dir.resolve("talos-secrets.yaml.age"),
                AgeCli.encrypt(Files.readAllBytes(TestBundles.referenceBundleFile()), false, AgeCli.keygen(other)));

        SecretsBundleException e = catchThrowableOfType(SecretsBundleException.class,
                () -> SecretsBundleFile.read(dir.resolve("talos-secrets.yaml"), age));

        assertThat(e.getMessage()).startsWith("cannot decrypt the Talos secrets bundle " + dir.resolve("talos-secrets.yaml.age") + ": ")
                .contains("It should be encrypted for the spec's recipients (secrets.ageRecipients): " + recipient.value())
                .contains("tried " + recipient.value())
                .doesNotContainPattern("AGE-SECRET-KEY-1[0-9A-Z]{10}");
    }

    @Test
    void noBundleNamesBothPlaces() {
        SecretsBundleException e = catchThrowableOfType(SecretsBundleException.class,
                () -> SecretsBundleFile.read(dir.resolve("talos-secrets.yaml"), age));
        assertThat(e.getMessage()).startsWith("no Talos secrets bundle at " + dir.resolve("talos-secrets.yaml")
                + " (nor an encrypted one at " + dir.resolve("talos-secrets.yaml.age") + "): run 'mvn cluster:secrets'");
    }
}
