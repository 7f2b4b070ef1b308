package dev.clusterspec.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.clusterspec.ExampleCopy;
import dev.clusterspec.load.age.AgeCli;
import dev.clusterspec.load.age.AgeException;
import dev.clusterspec.load.age.AgeKeySources;
import dev.clusterspec.load.age.AgeRecipient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What cluster:encrypt does to a project's secret files, checked with the age CLI. */
class SecretFileEncryptionTest {

    @TempDir
    Path dir;

    private Path key;
    private String recipient;
    private ExampleCopy project;

    @BeforeEach
    void project() {
        key = dir.resolve("me.txt");
        recipient = AgeCli.keygen(key);
        project = ExampleCopy.of("oci-free-tier", dir.resolve("project")).append("secrets:\n  ageRecipients: [" + recipient + "]\n");
    }

    private AgeKeySources mine() {
        return new AgeKeySources(key, name -> null);
    }

    @Test
    void encryptsBesideThePlainFileForTheSpecsRecipientsAndSaysWhatToChange() throws IOException {
        Path plain = project.dir().resolve("secrets/grafana-token.demo");
        byte[] value = Files.readAllBytes(plain);

        SecretFileEncryption.Result result = SecretFileEncryption.encrypt(project.spec(), plain, List.of(), mine(), null);

        Path encrypted = project.dir().resolve("secrets/grafana-token.demo.age");
        assertThat(result.written()).isEqualTo(encrypted);
        assertThat(AgeCli.decrypt(Files.readAllBytes(encrypted), key)).isEqualTo(value);
        assertThat(plain).as("the user deletes it, told to").exists();
        int line = Files.readAllLines(project.spec()).stream().toList().indexOf("      token: ${file:secrets/grafana-token.demo}") + 1;
        assertThat(result.notes()).containsExactly(
                "Encrypted " + plain + " for " + recipient + " into " + encrypted + " (it can be committed to Git).",
                "Delete the plain file now (rm " + plain + "): the encrypted one is what the build reads and what goes into Git.",
                project.spec() + ":" + line + ":14: change ${file:secrets/grafana-token.demo} to ${file:secrets/grafana-token.demo.age}");
    }

    @Test
    void anAgeFileIsEncryptedAgainInPlaceForTheRecipientsGiven() throws IOException {
        Path plain = project.dir().resolve("secrets/grafana-token.demo");
        byte[] value = Files.readAllBytes(plain);
        Path encrypted = SecretFileEncryption.encrypt(project.spec(), plain, List.of(), mine(), null).written();
        Path newcomer = dir.resolve("newcomer.txt");
        String newcomerRecipient = AgeCli.keygen(newcomer);

        SecretFileEncryption.Result again = SecretFileEncryption.encrypt(project.spec(), encrypted,
                List.of(new AgeRecipient(recipient), new AgeRecipient(newcomerRecipient)), mine(), null);

        assertThat(again.written()).isEqualTo(encrypted);
        assertThat(AgeCli.decrypt(Files.readAllBytes(encrypted), newcomer)).isEqualTo(value);
        assertThat(AgeCli.decrypt(Files.readAllBytes(encrypted), key)).isEqualTo(value);
        assertThat(again.notes()).containsExactly("Encrypted " + encrypted + " again, for " + recipient + ", " + newcomerRecipient
                + " into " + encrypted + " (it can be committed to Git).");
    }

    @Test
    void theBundleIsFoundByGenerateOnceThePlainOneIsGoneAndALockOutIsPointedOut() throws IOException {
        Path bundle = Files.writeString(project.dir().resolve("secrets/talos-secrets.yaml"), "not checked here\n");
        Path other = dir.resolve("other.txt");
        String otherRecipient = AgeCli.keygen(other);

        SecretFileEncryption.Result result = SecretFileEncryption.encrypt(project.spec(), bundle, List.of(new AgeRecipient(otherRecipient)),
                mine(), bundle);

        assertThat(result.notes()).contains("cluster:generate reads talos-secrets.yaml.age by itself once talos-secrets.yaml is gone.")
                .contains("Note: none of your identities (" + recipient + " from cluster.ageIdentity=" + key + " line 3) is among the"
                        + " recipients, so you cannot decrypt the encrypted file yourself.");
    }

    @Test
    void withoutRecipientsNothingIsWritten() {
        ExampleCopy bare = ExampleCopy.of("oci-free-tier", dir.resolve("bare"));
        Path plain = bare.dir().resolve("secrets/grafana-token.demo");
        AgeException e = catchThrowableOfType(AgeException.class, () -> SecretFileEncryption.encrypt(bare.spec(), plain, List.of(), mine(), null));
        assertThat(e.getMessage()).startsWith("no age recipients to encrypt " + plain + " for: list them in " + bare.spec()
                + " under secrets.ageRecipients");
        assertThat(bare.dir().resolve("secrets/grafana-token.demo.age")).doesNotExist();
    }
}
