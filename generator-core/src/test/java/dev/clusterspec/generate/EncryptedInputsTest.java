package dev.clusterspec.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.clusterspec.BuildLog;
import dev.clusterspec.ExampleCopy;
import dev.clusterspec.Examples;
import dev.clusterspec.UserError;
import dev.clusterspec.emit.OutputFile;
import dev.clusterspec.load.age.AgeCli;
import dev.clusterspec.load.age.AgeKeySources;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example generated from secrets and a bundle that the age CLI encrypted, as a project keeps
 * them in Git: the outputs are those of the plain files, nothing decrypted lands on disk or in the
 * log, re-encrypting the same values does not count as a change, and a wrong key is a clear error.
 */
class EncryptedInputsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T00:00:00Z"), ZoneOffset.UTC);
    private static final Path REFERENCE_BUNDLE = Examples.reference().resolve("talos/stability/secrets.yaml");
    private static final String CANARY = "CANARY-age-decrypted-7c2e";

    @TempDir
    Path dir;

    private Path identity;
    private String recipient;
    private final List<String> log = new ArrayList<>();

    @BeforeEach
    void key() {
        identity = dir.resolve("keys/me.txt");
        try {
            Files.createDirectories(identity.getParent());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        recipient = AgeCli.keygen(identity);
    }

    private ExampleCopy project(String name) {
        return ExampleCopy.of("oci-free-tier", dir.resolve(name))
                .secret("tailscale-client-id.demo", CANARY + "-client-id\n")
                .secret("tailscale-client-secret.demo", CANARY + "-client-secret\n")
                .append("secrets:\n  ageRecipients: [" + recipient + "]\n");
    }

    private ExampleCopy encryptedProject(String name) throws IOException {
        ExampleCopy project = project(name).encryptSecretsWithAgeCli(recipient);
        encryptBundle(project);
        return project;
    }

    private void encryptBundle(ExampleCopy project) throws IOException {
        Files.write(project.dir().resolve("secrets/talos-secrets.yaml.age"),
                AgeCli.encrypt(Files.readAllBytes(REFERENCE_BUNDLE), false, recipient));
    }

    private GenerateResult generate(ExampleCopy project, Path bundle, AgeKeySources keys, boolean force) {
        BuildLog collecting = new BuildLog() {
            @Override
            public void info(String message) {
                log.add(message);
            }

            @Override
            public void warn(String message) {
                log.add(message);
            }

            @Override
            public void debug(String message) {
                log.add(message);
            }
        };
        return new Generator().generate(GenerateRequest.of(project.spec(), bundle, dir.resolve("out-" + project.dir().getFileName()))
                .withForce(force).withClock(CLOCK).withLog(collecting).withAgeKeys(keys));
    }

    private GenerateResult generateEncrypted(ExampleCopy project, boolean force) {
        return generate(project, project.dir().resolve("secrets/talos-secrets.yaml"), new AgeKeySources(identity, name -> null), force);
    }

    private static Map<String, String> byPath(GenerateResult result) {
        Map<String, String> out = new TreeMap<>();
        result.files().forEach(f -> out.put(f.path(), new String(f.content(), StandardCharsets.UTF_8)));
        return out;
    }

    @Test
    void encryptedInputsGiveTheOutputsOfThePlainOnes() throws IOException {
        GenerateResult plain = generate(project("plain"), REFERENCE_BUNDLE, new AgeKeySources(null, name -> null), true);
        GenerateResult encrypted = generateEncrypted(encryptedProject("encrypted"), true);

        assertThat(byPath(encrypted).get("talos/cp-1.yaml")).contains("client_id: " + CANARY + "-client-id");
        Map<String, String> a = byPath(plain);
        Map<String, String> b = byPath(encrypted);
        assertThat(b.keySet()).isEqualTo(a.keySet());
        // the report names the spec by its hash, and the two specs differ in their references
        assertThat(a.keySet()).filteredOn(path -> !path.startsWith("report/") && !a.get(path).equals(b.get(path)))
                .as("files that differ").isEmpty();
    }

    @Test
    void nothingDecryptedIsWrittenOutsideTheTalosConfigsOrLogged() throws IOException {
        ExampleCopy project = encryptedProject("encrypted");
        GenerateResult result = generateEncrypted(project, true);

        for (OutputFile file : result.files()) {
            if (!file.path().startsWith("talos/")) {
                assertThat(new String(file.content(), StandardCharsets.UTF_8)).as(file.path()).doesNotContain(CANARY);
            }
        }
        String bundleSecret = Files.readAllLines(REFERENCE_BUNDLE).stream().filter(l -> l.contains("bootstraptoken:"))
                .findFirst().orElseThrow().split(":\\s*")[1];
        try (Stream<Path> files = Files.walk(project.dir())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertThat(text).as(file.toString()).doesNotContain(CANARY).doesNotContain(bundleSecret);
            }
        }
        assertThat(String.join("\n", log)).doesNotContain(CANARY).doesNotContain(bundleSecret);
    }

    @Test
    void encryptingTheSameValuesAgainDoesNotRegenerateButANewValueDoes() throws IOException {
        ExampleCopy project = encryptedProject("encrypted");
        assertThat(generateEncrypted(project, false).skipped()).isFalse();

        Path clientId = project.dir().resolve("secrets/tailscale-client-id.demo.age");
        byte[] before = Files.readAllBytes(clientId);
        Files.write(clientId, AgeCli.encrypt((CANARY + "-client-id\n").getBytes(StandardCharsets.UTF_8), true, recipient));
        encryptBundle(project);
        assertThat(Files.readAllBytes(clientId)).isNotEqualTo(before);
        assertThat(generateEncrypted(project, false).skipped()).as("same values, newly encrypted").isTrue();

        Files.write(clientId, AgeCli.encrypt((CANARY + "-rotated\n").getBytes(StandardCharsets.UTF_8), false, recipient));
        GenerateResult changed = generateEncrypted(project, false);
        assertThat(changed.skipped()).as("a new value").isFalse();
        assertThat(byPath(changed).get("talos/cp-1.yaml")).contains("client_id: " + CANARY + "-rotated");
    }

    @Test
    void aWrongIdentityStopsTheRunNamingTheFileTheRecipientsAndTheKeyTried() throws IOException {
        ExampleCopy project = encryptedProject("encrypted");
        Path stranger = dir.resolve("keys/stranger.txt");
        String strangerKey = AgeCli.keygen(stranger);

        Throwable thrown = catchThrowable(() -> generate(project, project.dir().resolve("secrets/talos-secrets.yaml"),
                new AgeKeySources(null, Map.of(AgeKeySources.KEY_FILE_VARIABLE, stranger.toString())::get), true));

        assertThat(thrown).isInstanceOf(UserError.class);
        assertThat(thrown.getMessage()).contains("talos-secrets.yaml.age")
                .contains("It should be encrypted for the spec's recipients (secrets.ageRecipients): " + recipient)
                .contains("tried " + strangerKey + " from SOPS_AGE_KEY_FILE=" + stranger + " line 3)")
                .doesNotContain(CANARY).doesNotContainPattern("AGE-SECRET-KEY-1[0-9A-Z]{10}");
        assertThat(dir.resolve("out-encrypted")).doesNotExist();
    }

    @Test
    void aDiffOfARotatedEncryptedSecretShowsTheChangeButNeitherValue() throws Exception {
        ExampleCopy project = encryptedProject("encrypted");
        Path earlier = dir.resolve("out-encrypted");
        generateEncrypted(project, true);
        Files.write(project.dir().resolve("secrets/tailscale-client-id.demo.age"),
                AgeCli.encrypt((CANARY + "-rotated\n").getBytes(StandardCharsets.UTF_8), false, recipient));

        dev.clusterspec.diff.DiffReport report = ChangePreview.againstFolder(GenerateRequest.of(project.spec(),
                project.dir().resolve("secrets/talos-secrets.yaml"), dir.resolve("preview")).withForce(true).withClock(CLOCK)
                .withAgeKeys(new AgeKeySources(identity, name -> null)), earlier);

        String rendered = report.render(false);
        assertThat(report.hasChanges()).isTrue();
        assertThat(rendered).contains("talos/cp-1.yaml").contains("client_id: <redacted sha256:").doesNotContain(CANARY);
    }
}
