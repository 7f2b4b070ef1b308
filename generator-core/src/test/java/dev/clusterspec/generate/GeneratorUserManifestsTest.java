package dev.clusterspec.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.clusterspec.ExampleCopy;
import dev.clusterspec.Examples;
import dev.clusterspec.load.Diagnostic;
import dev.clusterspec.load.SpecProblemsException;
import dev.clusterspec.connectivity.ManifestReadException;
import dev.clusterspec.diff.DiffSourceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example's manifests folder through the whole generator: an input like the spec, checked
 * against the schemas at its own lines, counted by the assertions, and shown by the diff.
 */
class GeneratorUserManifestsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T00:00:00Z"), ZoneOffset.UTC);
    private static final Path BUNDLE = Examples.reference().resolve("talos/stability/secrets.yaml");

    @TempDir
    Path dir;

    private ExampleCopy example() {
        return ExampleCopy.of("oci-free-tier", dir.resolve("project"));
    }

    private Path manifest(String name) {
        return dir.resolve("project/manifests").resolve(name);
    }

    private static GenerateRequest request(Path spec, Path out) {
        return GenerateRequest.of(spec, BUNDLE, out).withClock(CLOCK);
    }

    @Test
    void aChangedAddedOrRemovedFileRegeneratesAndTheDiffShowsTheObject() throws IOException, DiffSourceException {
        Path spec = example().spec();
        Path out = dir.resolve("out");
        new Generator().generate(request(spec, out));
        assertThat(Files.readString(out.resolve("talos/cp-1.yaml"))).contains("/main/90-user-web-settings/");
        assertThat(new Generator().generate(request(spec, out)).skipped()).isTrue();

        Files.writeString(manifest("web-settings.yaml"), Files.readString(manifest("web-settings.yaml")).replace("\"300\"", "\"600\""));
        String diff = ChangePreview.againstFolder(request(spec, dir.resolve("preview")), out).render(false);
        assertThat(diff).contains("ConfigMap").contains("web-settings").contains("cache-seconds").contains("600");
        assertThat(new Generator().generate(request(spec, out)).skipped()).as("the file changed").isFalse();
        assertThat(new Generator().generate(request(spec, out)).skipped()).isTrue();

        Files.writeString(manifest("zz-more.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: more, namespace: web}\n");
        assertThat(new Generator().generate(request(spec, out)).skipped()).as("a file was added").isFalse();
        assertThat(out.resolve("manifest-repo")).isDirectoryContaining(p -> p.getFileName().toString().equals("90-user-zz-more"));
        Files.delete(manifest("zz-more.yaml"));
        assertThat(new Generator().generate(request(spec, out)).skipped()).as("a file was removed").isFalse();
    }

    @Test
    void theAssertionThatNeedsTheUsersPoliciesFailsWithoutThem() throws IOException {
        Path spec = example().spec();
        Files.delete(manifest("web-to-api.yaml"));
        SpecProblemsException e = catchThrowableOfType(SpecProblemsException.class,
                () -> new Generator().generate(request(spec, dir.resolve("out"))));
        int line = Files.readAllLines(spec).indexOf("  - {from: web, to: api, expect: allowed}") + 1;
        assertThat(e.diagnostics()).extracting(Diagnostic::toString).containsExactly(
                spec + ":" + line + ":5: error: connectivity assertion violated: namespace web cannot reach namespace api, but the spec says it must");
    }

    @Test
    void aPolicyTheApiServerWouldRefuseStopsTheAnalysisNamingItsFile() throws IOException {
        Path spec = example().spec();
        Files.writeString(manifest("web-to-api.yaml"), Files.readString(manifest("web-to-api.yaml"))
                .replace("app: internal-api\n  policyTypes: [Ingress]", "app: \"not a valid label value!\"\n  policyTypes: [Ingress]"));
        ManifestReadException e = catchThrowableOfType(ManifestReadException.class,
                () -> new Generator().generate(request(spec, dir.resolve("out"))));
        assertThat(e.getMessage()).startsWith("manifests/web-to-api.yaml: ").contains("NetworkPolicy api/allow-ingress-from-web");
        assertThat(e).isInstanceOf(dev.clusterspec.UserError.class);
    }

    @Test
    void withSchemasEveryUserObjectIsCheckedAtItsLineAndCustomKindsAreWarnedAbout() throws IOException {
        Path spec = example().spec();
        Files.writeString(manifest("web-settings.yaml"), Files.readString(manifest("web-settings.yaml"))
                + "---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: web}\nspec:\n  replicas: many\n"
                + "---\napiVersion: v1\nkind: ConfigMapp\nmetadata: {name: typo, namespace: web}\n");
        SpecProblemsException e = catchThrowableOfType(SpecProblemsException.class,
                () -> new Generator().generate(request(spec, dir.resolve("out")).withSchemas(Examples.reference())));
        assertThat(e.diagnostics()).extracting(Diagnostic::toString).anySatisfy(d -> assertThat(d)
                        .startsWith(manifest("web-settings.yaml") + ":16:13: error: Deployment.apps web/web: /spec/replicas: "))
                .anySatisfy(d -> assertThat(d).isEqualTo(manifest("web-settings.yaml") + ":19:7: error: no Kubernetes schema for v1 ConfigMapp:"
                        + " not a kind of this Kubernetes version (a typo in apiVersion or kind, or an API that was removed?)"));
        assertThat(dir.resolve("out")).as("nothing written").doesNotExist();

        Files.writeString(manifest("web-settings.yaml"), Files.readString(Examples.spec("oci-free-tier").resolveSibling("manifests/web-settings.yaml"))
                + "---\napiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w, namespace: web}\n");
        GenerateResult result = new Generator().generate(request(spec, dir.resolve("out")).withSchemas(Examples.reference()));
        assertThat(result.notes()).anySatisfy(n -> assertThat(n).startsWith(manifest("web-settings.yaml") + ":13:7: warning: 1 object(s) of"
                + " example.com/v1 Widget not schema-checked"));
    }
}
