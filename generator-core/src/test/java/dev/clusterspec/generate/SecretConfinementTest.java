package dev.clusterspec.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.clusterspec.ExampleCopy;
import dev.clusterspec.Examples;
import dev.clusterspec.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ${file:}} secrets come from the spec's folder and nowhere else: a spec from an untrusted
 * branch must not be able to copy any file the build can read (an SSH key, /etc/passwd) into the
 * Talos configs. Each escape is refused before anything is written, and the refusal quotes the
 * reference, never what the file holds.
 */
class SecretConfinementTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T00:00:00Z"), ZoneOffset.UTC);
    private static final Path BUNDLE = Examples.reference().resolve("talos/stability/secrets.yaml");
    private static final String CLIENT_ID = "${file:secrets/tailscale-client-id.demo}";
    private static final String OUTSIDE_VALUE = "CANARY-outside-the-spec-folder";

    @TempDir
    Path dir;

    private Throwable generate(ExampleCopy project) {
        return catchThrowable(() -> new Generator().generate(GenerateRequest.of(project.spec(), BUNDLE, dir.resolve("out"))
                .withForce(true).withClock(CLOCK)));
    }

    private Path outsideFile() throws IOException {
        return Files.writeString(dir.resolve("outside.txt"), OUTSIDE_VALUE + "\n");
    }

    private void assertRefused(Throwable thrown, String reference, String why) {
        assertThat(thrown).as("generate must refuse " + reference).isNotNull().isInstanceOf(UserError.class);
        assertThat(thrown.getMessage()).contains(reference).contains(why)
                .doesNotContain(OUTSIDE_VALUE).doesNotContain("root:");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void aPathUpAndOutOfTheSpecFolderIsRefused() {
        String escape = "${file:../../../../../../../../../../etc/passwd}";
        ExampleCopy project = ExampleCopy.of("oci-free-tier", dir.resolve("project")).replace(CLIENT_ID, escape);
        assertRefused(generate(project), escape, "leaves the spec's folder");
    }

    @Test
    void anAbsolutePathIsRefused() throws IOException {
        String absolute = "${file:" + outsideFile() + "}";
        ExampleCopy project = ExampleCopy.of("oci-free-tier", dir.resolve("project")).replace(CLIENT_ID, absolute);
        assertRefused(generate(project), absolute, "absolute path");
    }

    @Test
    void aSymbolicLinkOutOfTheSpecFolderIsRefused() throws IOException {
        ExampleCopy project = ExampleCopy.of("oci-free-tier", dir.resolve("project"));
        Path link = project.dir().resolve("secrets/tailscale-client-id.demo");
        Files.delete(link);
        Files.createSymbolicLink(link, outsideFile());
        assertRefused(generate(project), CLIENT_ID, "outside the spec's folder");
    }

    @Test
    void aSymbolicLinkedFolderOutOfTheSpecFolderIsRefused() throws IOException {
        ExampleCopy project = ExampleCopy.of("oci-free-tier", dir.resolve("project"));
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve("id"), OUTSIDE_VALUE);
        Files.createSymbolicLink(project.dir().resolve("linked"), elsewhere);
        project.replace(CLIENT_ID, "${file:linked/id}");
        assertRefused(generate(project), "${file:linked/id}", "outside the spec's folder");
    }

    @Test
    void pathsAndLinksThatStayInsideTheSpecFolderAreRead() throws IOException {
        ExampleCopy project = ExampleCopy.of("oci-free-tier", dir.resolve("project"))
                .replace(CLIENT_ID, "${file:secrets/../secrets/linked-id}");
        Files.createSymbolicLink(project.dir().resolve("secrets/linked-id"), Path.of("tailscale-client-id.demo"));

        assertThat(generate(project)).isNull();
        assertThat(Files.readString(dir.resolve("out/talos/cp-1.yaml")))
                .contains("client_id: DEMO-VALUE-not-a-real-secret-tailscale-client-id");
    }

    @Test
    void theSpecFolderMayItselfBeReachedThroughASymbolicLink() throws IOException {
        ExampleCopy real = ExampleCopy.of("oci-free-tier", dir.resolve("real"));
        Path linked = Files.createSymbolicLink(dir.resolve("linked"), real.dir());
        Throwable thrown = catchThrowable(() -> new Generator().generate(GenerateRequest.of(linked.resolve("cluster.yaml"), BUNDLE,
                dir.resolve("out")).withForce(true).withClock(CLOCK)));
        assertThat(thrown).isNull();
    }
}
