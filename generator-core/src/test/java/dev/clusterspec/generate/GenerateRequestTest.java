package dev.clusterspec.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clusterspec.BuildLog;
import dev.clusterspec.load.age.AgeKeySources;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** A request names its options; what is not named has the documented default, never null. */
class GenerateRequestTest {

    private static final Path SPEC = Path.of("project/cluster.yaml");
    private static final Path BUNDLE = Path.of("project/secrets/talos-secrets.yaml");
    private static final Path OUT = Path.of("project/target/cluster");

    @Test
    void withoutOptionsARunIsIncrementalWithNoMirrorNoSchemasTheSystemClockAndTheEnvironmentsKeys() {
        GenerateRequest request = GenerateRequest.of(SPEC, BUNDLE, OUT);
        assertThat(request.specFile()).isEqualTo(SPEC);
        assertThat(request.secretsBundle()).isEqualTo(BUNDLE);
        assertThat(request.outputDir()).isEqualTo(OUT);
        assertThat(request.force()).isFalse();
        assertThat(request.catalogMirrorIfAny()).isEmpty();
        assertThat(request.schemasIfAny()).isEmpty();
        assertThat(request.clock().getZone()).isEqualTo(ZoneOffset.UTC);
        assertThat(request.log()).isNotNull();
        assertThat(request.ageKeys().identityFile()).isNull();
    }

    @Test
    void eachOptionIsSetByNameOnACopyAndTheOthersAreKept() {
        Clock clock = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);
        BuildLog log = BuildLog.silent();
        AgeKeySources keys = new AgeKeySources(Path.of("key.txt"), name -> null);
        GenerateRequest base = GenerateRequest.of(SPEC, BUNDLE, OUT);

        GenerateRequest request = base.withForce(true).withCatalogMirror(Path.of("mirror")).withSchemas(Path.of("schemas"))
                .withClock(clock).withLog(log).withAgeKeys(keys);

        assertThat(request.force()).isTrue();
        assertThat(request.catalogMirrorIfAny()).hasValue(Path.of("mirror"));
        assertThat(request.schemasIfAny()).hasValue(Path.of("schemas"));
        assertThat(request.clock()).isSameAs(clock);
        assertThat(request.log()).isSameAs(log);
        assertThat(request.ageKeys()).isSameAs(keys);
        assertThat(request.specFile()).isEqualTo(SPEC);
        assertThat(base.force()).as("the original is unchanged").isFalse();
        assertThat(base.schemasIfAny()).isEmpty();
    }

    @Test
    void absentIsNeverSpelledNull() {
        GenerateRequest request = GenerateRequest.of(SPEC, BUNDLE, OUT);
        assertThatThrownBy(() -> request.withSchemas(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> request.withCatalogMirror(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> GenerateRequest.of(SPEC, null, OUT)).hasMessageContaining("secretsBundle");
    }
}
