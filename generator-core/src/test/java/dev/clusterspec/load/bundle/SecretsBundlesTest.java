package dev.clusterspec.load.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsBundlesTest {

    @TempDir
    Path temp;

    @Test
    void createsOnceOwnerOnlyThenLeavesTheFileAlone() throws IOException {
        SecretsBundleCreation created = TestBundles.generatedCreation();
        assertThat(created.outcome()).isEqualTo(SecretsBundleCreation.Outcome.CREATED);
        assertThat(created.created()).isTrue();
        assertThat(created.message()).startsWith("Created Talos secrets bundle " + created.file());
        if (created.file().getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(created.file()))).isEqualTo("rw-------");
        }
        byte[] before = Files.readAllBytes(created.file());

        SecretsBundleCreation again = SecretsBundles.createIfAbsent(created.file());

        assertThat(again.outcome()).isEqualTo(SecretsBundleCreation.Outcome.ALREADY_EXISTS);
        assertThat(again.message()).isEqualTo("Talos secrets bundle " + created.file() + " already exists and is valid; left unchanged.");
        assertThat(again.bundle()).isEqualTo(created.bundle());
        assertThat(Files.readAllBytes(created.file())).isEqualTo(before);
    }

    @Test
    void existingTalosctlBundleIsAcceptedAsIs() throws IOException {
        Path file = temp.resolve("secrets.yaml");
        Files.copy(TestBundles.referenceBundleFile(), file);
        SecretsBundleCreation result = SecretsBundles.createIfAbsent(file, Clock.systemUTC(), new SecureRandom());
        assertThat(result.created()).isFalse();
        assertThat(result.bundle()).isEqualTo(TestBundles.referenceBundle());
    }

    @Test
    void existingBrokenFileIsReportedAndNotReplaced() throws IOException {
        Path file = temp.resolve("secrets.yaml");
        Files.writeString(file, "cluster: {}\n");
        assertThatThrownBy(() -> SecretsBundles.createIfAbsent(file))
                .isInstanceOf(SecretsBundleFormatException.class)
                .hasMessageContaining(file + ":1:10: cluster is missing required key 'id'");
        assertThat(Files.readString(file)).isEqualTo("cluster: {}\n");
    }
}
