package dev.clusterspec.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterspec.ExampleCopy;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spec's own manifest URLs beside the errors of {@code bad-specs/sem-extra-manifests.yaml}: what
 * is accepted, and what is only warned about.
 */
class ExtraManifestCheckTest {

    private static final String SHA256 = "a99047972c9dd7679ce2050b9968e8a08773492e671b3e17abd476d42aa78a32";

    @TempDir
    Path dir;

    private SpecValidator.Validated validate(String... urls) {
        StringBuilder section = new StringBuilder("manifests:\n  extraManifests:\n");
        for (String url : urls) {
            section.append("    - ").append(url).append('\n');
        }
        // the minimal example has no manifest repo, so no fetch token that could leak
        return new SpecValidator().validate(ExampleCopy.of("minimal", dir).append(section.toString()).spec());
    }

    @Test
    void withoutAFetchTokenAnyHttpsHostWillDo() {
        SpecValidator.Validated result = validate(
                "https://github.com/o/r/releases/download/v0.93.0/crd.yaml?checksum=sha256:" + SHA256);
        assertThat(result.warnings()).noneMatch(w -> w.pointer().startsWith("/manifests"));
    }

    @Test
    void aTagAloneIsAWarningAtTheUrl() {
        SpecValidator.Validated result = validate("https://github.com/o/r/releases/download/v0.93.0/crd.yaml");
        assertThat(result.warnings()).filteredOn(w -> w.pointer().startsWith("/manifests")).singleElement().satisfies(w -> {
            assertThat(w.pointer()).isEqualTo("/manifests/extraManifests/0");
            assertThat(w.line()).isEqualTo(result.loaded().sourceMap().valueAt("/manifests/extraManifests/0").line());
            assertThat(w.message()).contains("pinned to a tag or release only").contains("?checksum=sha256:");
        });
    }
}
