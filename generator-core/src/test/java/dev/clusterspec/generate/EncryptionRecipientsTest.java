package dev.clusterspec.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clusterspec.ExampleCopy;
import dev.clusterspec.load.SpecLoader;
import dev.clusterspec.load.age.AgeCli;
import dev.clusterspec.load.age.AgeRecipient;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The recipients given win; without them the spec's are used, and a spec not yet written gives none. */
class EncryptionRecipientsTest {

    @TempDir
    Path dir;

    private ExampleCopy projectFor(String recipient) {
        return ExampleCopy.of("oci-free-tier", dir.resolve("project")).append("secrets:\n  ageRecipients: [" + recipient + "]\n");
    }

    @Test
    void theRecipientsGivenWinOverTheSpecs() {
        ExampleCopy project = projectFor(AgeCli.keygen(dir.resolve("owner.txt")));
        List<AgeRecipient> given = List.of(new AgeRecipient(AgeCli.keygen(dir.resolve("other.txt"))));

        assertThat(EncryptionRecipients.of(given, project.spec())).isEqualTo(given);
        assertThat(EncryptionRecipients.of(given, new SpecLoader().load(project.spec()))).isEqualTo(given);
    }

    @Test
    void withNoneGivenTheSpecsAreUsed() {
        String owner = AgeCli.keygen(dir.resolve("owner.txt"));
        ExampleCopy project = projectFor(owner);

        assertThat(EncryptionRecipients.of(List.of(), project.spec())).extracting(AgeRecipient::value).containsExactly(owner);
        assertThat(EncryptionRecipients.of(List.of(), new SpecLoader().load(project.spec()))).extracting(AgeRecipient::value)
                .containsExactly(owner);
    }

    @Test
    void aSpecNotYetWrittenGivesNone() {
        assertThat(EncryptionRecipients.of(List.of(), dir.resolve("cluster.yaml"))).isEmpty();
    }

    @Test
    void aRecipientInTheSpecWithABadChecksumIsNamedByItsFileAndField() {
        String owner = AgeCli.keygen(dir.resolve("owner.txt"));
        String mistyped = owner.substring(0, owner.length() - 1) + (owner.endsWith("q") ? "p" : "q");
        ExampleCopy project = projectFor(mistyped);

        assertThatThrownBy(() -> EncryptionRecipients.of(List.of(), project.spec()))
                .hasMessageStartingWith(project.spec() + " secrets.ageRecipients (value 1 of 1): ");
    }
}
