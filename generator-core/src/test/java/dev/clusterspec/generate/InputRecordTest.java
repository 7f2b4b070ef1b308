package dev.clusterspec.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterspec.ExampleCopy;
import dev.clusterspec.Examples;
import dev.clusterspec.check.SpecValidator;
import dev.clusterspec.load.Diagnostic;
import dev.clusterspec.load.LoadedSpec;
import dev.clusterspec.load.bundle.TalosCertificates;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Deciding that nothing changed from raw bytes alone: every kind of input counts, the warnings come
 * back, and the decision loads nothing that only generating needs.
 */
class InputRecordTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T00:00:00Z"), ZoneOffset.UTC);
    private static final Path BUNDLE = Examples.reference().resolve("talos/stability/secrets.yaml");

    @TempDir
    Path dir;

    private GenerateResult generate(ExampleCopy project, Clock clock) {
        return new Generator().generate(GenerateRequest.of(project.spec(), BUNDLE, dir.resolve("out")).withClock(clock));
    }

    @Test
    void anUnchangedRunIsSkippedWithTheWarningsOfTheRunItRepeats() {
        ExampleCopy project = ExampleCopy.of("oci-free-tier", dir.resolve("project"));
        GenerateResult first = generate(project, CLOCK);
        GenerateResult again = generate(project, CLOCK);
        assertThat(again.skipped()).isTrue();
        assertThat(first.warnings()).isNotEmpty();
        assertThat(again.warnings()).extracting(Diagnostic::toString).isEqualTo(first.warnings().stream().map(Diagnostic::toString).toList());
    }

    /** Each edit is one kind of input the quick check must see: the spec, a patch, the manifests folder, a secret file. */
    @ParameterizedTest
    @ValueSource(strings = {"cluster.yaml", "patches/workers.yaml", "manifests/extra.yaml", "secrets/grafana-token.demo"})
    void editingAnyInputRegenerates(String file) throws IOException {
        ExampleCopy project = ExampleCopy.of("oci-free-tier", dir.resolve("project"));
        generate(project, CLOCK);
        Path input = project.dir().resolve(file);
        String before = Files.exists(input) ? Files.readString(input) : "";
        Files.writeString(input, file.startsWith("secrets/") ? before + "-rotated" : before
                + (file.startsWith("manifests/") ? "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: extra, namespace: web}\n" : "# edited\n"));
        assertThat(generate(project, CLOCK).skipped()).as("after editing " + file).isFalse();
        assertThat(generate(project, CLOCK).skipped()).as("then unchanged again").isTrue();
    }

    @Test
    void theNextCertificateWindowRegenerates() {
        ExampleCopy project = ExampleCopy.of("oci-free-tier", dir.resolve("project"));
        generate(project, CLOCK);
        Clock later = Clock.offset(CLOCK, TalosCertificates.RENEWAL_STEP.plus(Duration.ofDays(1)));
        assertThat(generate(project, Clock.offset(CLOCK, Duration.ofDays(1))).skipped()).as("the same window").isTrue();
        assertThat(generate(project, later).skipped()).as("the next window").isFalse();
    }

    @Test
    void anEnvironmentVariableCountsByItsValue() {
        ExampleCopy project = ExampleCopy.of("oci-free-tier", dir.resolve("project"))
                .replace("${file:secrets/grafana-token.demo}", "${env:HOME}");
        LoadedSpec loaded = new SpecValidator().validate(project.spec()).loaded();
        GenerateRequest request = GenerateRequest.of(project.spec(), BUNDLE, dir.resolve("out")).withClock(CLOCK);
        TalosCertificates.Window window = new TalosCertificates.Window(Instant.MIN, Instant.MAX);
        InputRecord record = InputRecord.Sources.read(request, loaded, Map.of("HOME", "one")::get).record(window, List.of());
        assertThat(record.environment()).containsExactly("HOME");
        assertThat(record.unchanged(request, Map.of("HOME", "one")::get)).isTrue();
        assertThat(record.unchanged(request, Map.of("HOME", "two")::get)).isFalse();
        assertThat(record.unchanged(request, Map.<String, String>of()::get)).isFalse();
        assertThat(record.toJson().toString()).doesNotContain("one");
    }

    /** A spec saved again while the run generates: the record has the bytes that were validated, so the next run generates. */
    @Test
    void theSpecCountsByTheBytesThatWereValidated() throws IOException {
        ExampleCopy project = ExampleCopy.of("oci-free-tier", dir.resolve("project"));
        LoadedSpec loaded = new SpecValidator().validate(project.spec()).loaded();
        GenerateRequest request = GenerateRequest.of(project.spec(), BUNDLE, dir.resolve("out")).withClock(CLOCK);
        Files.writeString(project.spec(), Files.readString(project.spec()) + "# saved again\n");
        InputRecord.Sources sources = InputRecord.Sources.read(request, loaded, Map.<String, String>of()::get);
        TalosCertificates.Window window = new TalosCertificates.Window(Instant.MIN, Instant.MAX);
        assertThat(sources.record(window, List.of()).unchanged(request, Map.<String, String>of()::get)).isFalse();
    }

    /**
     * The skip decision in a class loader of its own: after it, none of the libraries that only
     * generating needs (YAML parsing, schemas, templates, certificates, Git) has been loaded.
     */
    @Test
    void decidingToSkipLoadsNoParserSchemaTemplateCryptoOrGitLibrary() throws Exception {
        ExampleCopy project = ExampleCopy.of("oci-free-tier", dir.resolve("project"));
        generate(project, CLOCK);
        URL[] classpath = Stream.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .map(InputRecordTest::url).toArray(URL[]::new);
        try (Isolated loader = new Isolated(classpath)) {
            Class<?> requestType = loader.loadClass(GenerateRequest.class.getName());
            Object request = requestType.getMethod("of", Path.class, Path.class, Path.class).invoke(null, project.spec(), BUNDLE, dir.resolve("out"));
            request = requestType.getMethod("withClock", Clock.class).invoke(request, CLOCK);
            Object generator = loader.loadClass(Generator.class.getName()).getConstructor().newInstance();
            Object result = generator.getClass().getMethod("generate", requestType).invoke(generator, request);
            assertThat((boolean) result.getClass().getMethod("skipped").invoke(result)).isTrue();
            List<String> loaded = new ArrayList<>();
            Consumer<String> check = name -> {
                if (loader.hasLoaded(name)) {
                    loaded.add(name);
                }
            };
            List.of("org.snakeyaml.engine.v2.api.LoadSettings", "tools.jackson.dataformat.yaml.YAMLFactory",
                    "com.networknt.schema.SchemaRegistry", "freemarker.template.Configuration",
                    "org.bouncycastle.cert.X509CertificateHolder", "org.eclipse.jgit.api.Git",
                    "dev.clusterspec.check.SpecValidator", "dev.clusterspec.load.bundle.SecretsBundleReader",
                    "dev.clusterspec.load.age.AgeDecryptor", "tools.jackson.databind.json.JsonMapper").forEach(check);
            assertThat(loaded).as("loaded to decide that nothing changed").isEmpty();
        }
    }

    private static URL url(String entry) {
        try {
            return Path.of(entry).toUri().toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Loads the project and its libraries itself (not from the test's loader), and tells what it has loaded. */
    private static final class Isolated extends URLClassLoader {
        Isolated(URL[] classpath) {
            super(classpath, ClassLoader.getPlatformClassLoader());
        }

        boolean hasLoaded(String name) {
            return findLoadedClass(name) != null;
        }
    }
}
