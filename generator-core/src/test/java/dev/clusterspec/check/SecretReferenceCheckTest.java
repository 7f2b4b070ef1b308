package dev.clusterspec.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.clusterspec.ExampleCopy;
import dev.clusterspec.load.SecretResolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.clusterspec.load.Diagnostic;
import dev.clusterspec.load.SpecProblemsException;

/**
 * What {@code cluster:validate} says about secret references: every one is checked (used by an
 * output or not), each problem at the line and column of its field, all at once, and no message
 * shows what a file holds.
 */
class SecretReferenceCheckTest {

    private static final String OUTSIDE_VALUE = "CANARY-outside-the-spec-folder";

    @TempDir
    Path dir;

    private static List<String> errors(Path spec, Map<String, String> env) {
        SpecProblemsException problems = catchThrowableOfType(SpecProblemsException.class, () -> new SpecValidator()
                .validateWithSecrets(spec, loaded -> new SecretResolver(loaded.file().toAbsolutePath().getParent(), env::get)));
        assertThat(problems).as("validation must fail").isNotNull();
        return problems.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::toString).toList();
    }

    /** {@code file:line:col} of the first place {@code text} is written in the spec. */
    private static String at(Path spec, String text) throws IOException {
        List<String> lines = Files.readAllLines(spec);
        for (int i = 0; i < lines.size(); i++) {
            int column = lines.get(i).indexOf(text);
            if (column >= 0) {
                return spec + ":" + (i + 1) + ":" + (column + 1) + ": error: secret " + text + " cannot be resolved: ";
            }
        }
        throw new AssertionError(text + " is not in " + spec);
    }

    @Test
    void everyUnreadableReferenceIsReportedAtItsField() throws IOException {
        Path outside = Files.writeString(dir.resolve("outside.txt"), OUTSIDE_VALUE);
        String escape = "${file:../../../../../../../../etc/passwd}";
        String unset = "${env:CLUSTERSPEC_TEST_NEVER_SET}";
        String missing = "${file:secrets/no-such-file}";
        String absolute = "${file:" + outside + "}";
        String folder = "${file:secrets}";
        String link = "${file:secrets/linked-out}";
        ExampleCopy project = ExampleCopy.of("oci-free-tier", dir.resolve("project"))
                .replace("${file:secrets/tailscale-client-id.demo}", escape)
                .replace("${file:secrets/tailscale-client-secret.demo}", unset)
                .replace("${file:secrets/grafana-username.demo}", missing)
                .replace("${file:secrets/grafana-logs-username.demo}", absolute)
                .replace("${file:secrets/grafana-token.demo}", folder)
                .replace("${file:secrets/github-fetch-token.demo}", link);
        Files.createSymbolicLink(project.dir().resolve("secrets/linked-out"), outside);
        Path spec = project.spec();

        List<String> errors = errors(spec, Map.of());

        assertThat(errors).hasSize(6);
        assertThat(errors.get(0)).startsWith(at(spec, escape)).contains("the path leaves the spec's folder");
        assertThat(errors.get(1)).startsWith(at(spec, unset)).contains("environment variable CLUSTERSPEC_TEST_NEVER_SET is not set");
        assertThat(errors.get(2)).startsWith(at(spec, missing)).contains("there is no file " + project.dir().resolve("secrets/no-such-file"));
        assertThat(errors.get(3)).startsWith(at(spec, absolute)).contains("it is an absolute path");
        assertThat(errors.get(4)).startsWith(at(spec, folder)).contains("is not a regular file");
        assertThat(errors.get(5)).startsWith(at(spec, link)).contains("through a symbolic link");
        assertThat(String.join("\n", errors)).doesNotContain(OUTSIDE_VALUE).doesNotContain("root:").doesNotContain("Exception");
    }

    @Test
    void secretProblemsComeTogetherWithTheSpecsOtherErrorsInFileOrder() throws IOException {
        ExampleCopy project = ExampleCopy.of("oci-free-tier", dir.resolve("project"))
                .replace("vip: 10.0.0.10", "vip: 10.0.0.11")
                .replace("${file:secrets/github-fetch-token.demo}", "${env:CLUSTERSPEC_TEST_NEVER_SET}");

        List<String> errors = errors(project.spec(), Map.of());

        assertThat(errors).hasSize(2);
        assertThat(errors.get(0)).contains("10.0.0.11");
        assertThat(errors.get(1)).startsWith(at(project.spec(), "${env:CLUSTERSPEC_TEST_NEVER_SET}"));
    }

    @Test
    void theExampleValidatesWithItsSecrets() throws IOException {
        ExampleCopy project = ExampleCopy.of("oci-free-tier", dir.resolve("project"))
                .replace("${file:secrets/github-fetch-token.demo}", "${env:FETCH_TOKEN}");
        SpecValidator.Validated ok = new SpecValidator().validateWithSecrets(project.spec(),
                loaded -> new SecretResolver(loaded.file().toAbsolutePath().getParent(), Map.of("FETCH_TOKEN", "t")::get));
        assertThat(ok.warnings()).noneMatch(Diagnostic::isError);
    }

    @Test
    void aMistypedRecipientIsReportedAtItsLineWhileTheSecretsAreChecked() throws IOException {
        ExampleCopy project = ExampleCopy.of("oci-free-tier", dir.resolve("project"))
                .append("secrets:\n  ageRecipients: [age1x9q8k2qm83klnt0yqgyeehm3hle67ng0c4wlfutarplpm35yxycsjzss6q]\n");

        List<String> errors = errors(project.spec(), Map.of());

        assertThat(errors).singleElement().asString().startsWith(project.spec() + ":")
                .contains("item 1 of 'ageRecipients' is not a valid age X25519 recipient");
    }
}
