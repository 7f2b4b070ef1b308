package dev.clusterspec.load.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

class SecretsBundleWriterTest {

    @TempDir
    Path temp;

    private final SecretsBundle bundle = TestBundles.referenceBundle();

    @Test
    void newFileIsOwnerOnlyAndCompleteAndNoTemporaryFileRemains() throws IOException {
        assumeTrue(temp.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX file system");
        Path file = temp.resolve("secrets.yaml");

        SecretsBundleWriter.writeNew(file, bundle);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(SecretsBundleReader.read(file)).isEqualTo(bundle);
        try (var entries = Files.list(temp)) {
            assertThat(entries).containsExactly(file);
        }
    }

    @Test
    void existingFileIsNeverOverwritten() throws IOException {
        Path file = temp.resolve("secrets.yaml");
        Files.writeString(file, "precious\n");

        assertThatThrownBy(() -> SecretsBundleWriter.writeNew(file, bundle))
                .isInstanceOf(SecretsBundleExistsException.class)
                .hasMessageStartingWith("Secrets bundle " + file + " already exists; it was left unchanged.")
                .hasMessageContaining("move it away first");

        assertThat(Files.readString(file)).isEqualTo("precious\n");
        try (var entries = Files.list(temp)) {
            assertThat(entries).containsExactly(file);
        }
    }

    @Test
    void danglingSymlinkCountsAsExisting() throws IOException {
        Path file = temp.resolve("secrets.yaml");
        try {
            Files.createSymbolicLink(file, temp.resolve("elsewhere.yaml"));
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "symbolic links not supported");
        }
        assertThatThrownBy(() -> SecretsBundleWriter.writeNew(file, bundle)).isInstanceOf(SecretsBundleExistsException.class);
        assertThat(temp.resolve("elsewhere.yaml")).doesNotExist();
    }

    @Test
    void missingParentDirectoriesAreCreatedOwnerOnly() throws IOException {
        Path file = temp.resolve("a").resolve("b").resolve("secrets.yaml");
        SecretsBundleWriter.writeNew(file, bundle);
        assertThat(file).isRegularFile();
        if (temp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        }
    }

    @Test
    void yamlHasTalosctlKeyOrderAndIndent() {
        List<String> keys = SecretsBundleWriter.toYaml(bundle).lines().map(l -> l.replaceFirst(":.*", "")).toList();
        assertThat(keys).containsExactly(
                "cluster", "    id", "    secret",
                "secrets", "    bootstraptoken", "    secretboxencryptionsecret",
                "trustdinfo", "    token",
                "certs",
                "    etcd", "        crt", "        key",
                "    k8s", "        crt", "        key",
                "    k8saggregator", "        crt", "        key",
                "    k8sserviceaccount", "        key",
                "    os", "        crt", "        key");
    }

    @Test
    void valuesThatWouldReadAsNumbersAreQuotedAndReadBackAsText() {
        // a bootstrap token can, rarely, be all digits: plain YAML would read it as a float
        SecretsBundle numeric = new SecretsBundle(bundle.cluster(),
                SecretsBundle.Secrets.withSecretbox("123456.7890123456789012", bundle.secrets().secretboxEncryptionSecret()),
                new SecretsBundle.TrustdInfo("123456.1234e56789012345"),
                bundle.certs());
        String yaml = SecretsBundleWriter.toYaml(numeric);
        assertThat(yaml).contains("    bootstraptoken: \"123456.7890123456789012\"\n");
        assertThat(yaml).contains("    token: \"123456.1234e56789012345\"\n");

        Object loaded = new Load(LoadSettings.builder().build()).loadFromString(yaml);
        assertThat(((Map<?, ?>) ((Map<?, ?>) loaded).get("secrets")).get("bootstraptoken")).isEqualTo("123456.7890123456789012");
        assertThat(SecretsBundleReader.parse(yaml, "numeric.yaml")).isEqualTo(numeric);
    }
}
