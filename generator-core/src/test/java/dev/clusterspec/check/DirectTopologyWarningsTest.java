package dev.clusterspec.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterspec.ExampleCopy;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.clusterspec.load.Diagnostic;

/** What the direct topology allows but points out (the bad-spec suite covers its errors). */
class DirectTopologyWarningsTest {

    @Test
    void aVipIsIgnoredWithTheReasonAndTheVcnWarningIsGone(@TempDir Path dir) {
        ExampleCopy copy = ExampleCopy.of("oci-direct", dir).replace("controlPlane:\n", "controlPlane:\n  vip: 10.1.0.9\n");
        SpecValidator.Validated result = new SpecValidator().validate(copy.spec());
        assertThat(result.warnings()).singleElement().satisfies(w -> {
            assertThat(w.pointer()).isEqualTo("/controlPlane/vip");
            assertThat(w.message()).contains("does not use controlPlane.vip").contains("controlPlane.loadBalancer");
        });
        assertThat(result.loaded().spec().controlPlane().vip()).isNotNull();
    }

    @Test
    void aNodeNameThatStartsWithAnothersIsPointedOutAtItsLine(@TempDir Path dir) {
        ExampleCopy copy = ExampleCopy.of("oci-direct", dir).replace("{name: w-2, role: worker, ip: 10.1.0.22}",
                "{name: w-10, role: worker, ip: 10.1.0.22}");
        SpecValidator.Validated result = new SpecValidator().validate(copy.spec());
        assertThat(result.warnings()).singleElement().satisfies(w -> {
            assertThat(w.pointer()).isEqualTo("/nodes/4/name");
            assertThat(w.message()).startsWith("node name 'w-10' starts with node w-1's name").contains("(e.g. w-01 for w-1)");
        });
    }

    @Test
    void nestedNamesAreNoHostnameLabels(@TempDir Path dir) {
        // a VM's name is never an OCI hostname label: the prefix rule is the direct topology's only
        ExampleCopy copy = ExampleCopy.of("oci-free-tier", dir).replace("{name: w-2, role: worker, host: pve2, vmid: 202",
                "{name: w-10, role: worker, host: pve2, vmid: 202");
        assertThat(new SpecValidator().validate(copy.spec()).warnings()).extracting(Diagnostic::pointer).containsExactly("/topology");
    }
}
