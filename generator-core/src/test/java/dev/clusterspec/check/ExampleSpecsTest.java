package dev.clusterspec.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterspec.Examples;
import dev.clusterspec.spec.ClusterSpec;
import dev.clusterspec.spec.Node;
import dev.clusterspec.spec.Topology;
import org.junit.jupiter.api.Test;
import dev.clusterspec.load.Diagnostic;
import dev.clusterspec.load.SpecProblemsException;

class ExampleSpecsTest {

    @Test
    void theSeedClusterValidatesWithTheNestedVirtualisationWarningOnly() {
        SpecValidator.Validated result = new SpecValidator().validate(Examples.spec("oci-free-tier"));
        ClusterSpec spec = result.loaded().spec();

        assertThat(spec.name()).isEqualTo("oci-home");
        assertThat(spec.topology()).isEqualTo(Topology.NESTED);
        assertThat(spec.controlPlanes()).hasSize(3);
        assertThat(spec.workers()).extracting(Node::name).containsExactly("w-1", "w-2", "w-3");
        assertThat(spec.nodes().get(0).installDisk()).as("no default: the topology decides").isNull();
        assertThat(spec.proxmox().vms().controlplane().memoryMb()).as("schema default").isEqualTo(2048);
        assertThat(spec.network().nameservers()).as("schema default").isNotEmpty();
        assertThat(spec.services().get(0).ports().get(0).targetPort()).isEqualTo(443);
        assertThat(spec.services().get(0).selector()).containsEntry("app", "public-web");
        assertThat(result.warnings()).extracting(Diagnostic::pointer).containsExactly("/topology");
        assertThat(result.warnings().get(0).toString()).contains("cluster.yaml:").contains("nested KVM");
    }

    @Test
    void theDirectClusterValidatesWithoutWarnings() {
        SpecValidator.Validated result = new SpecValidator().validate(Examples.spec("oci-direct"));
        ClusterSpec spec = result.loaded().spec();
        assertThat(spec.topology()).isEqualTo(Topology.DIRECT);
        assertThat(spec.controlPlanes()).hasSize(3);
        assertThat(spec.workers()).hasSize(2);
        assertThat(spec.controlPlane().vip()).as("no VIP in a VCN").isNull();
        assertThat(spec.controlPlane().loadBalancer().privateIp().toString()).isEqualTo("10.1.0.10");
        assertThat(spec.addons().ociCcm().enabled()).isTrue();
        assertThat(spec.addons().ociCcm().apiKey()).as("instance principals").isEmpty();
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void theDirectClusterDoesNotFitTheAlwaysFreeA1BudgetAndSaysSo(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        // five instances of at least one OCPU each: the example is a paid tenancy's, and its comment says why
        java.nio.file.Path spec = dev.clusterspec.Examples.copy("oci-direct", dir);
        java.nio.file.Files.writeString(spec, java.nio.file.Files.readString(spec).replace("tier: paid", "tier: always-free"));
        SpecProblemsException problems = org.assertj.core.api.Assertions.catchThrowableOfType(SpecProblemsException.class,
                () -> new SpecValidator().validate(spec));
        assertThat(problems.diagnostics()).filteredOn(Diagnostic::isError).extracting(Diagnostic::message).singleElement()
                .asString().startsWith("node w-2 brings the A1 instances to 5 OCPUs");
    }

    @Test
    void theMinimalClusterValidates() {
        SpecValidator.Validated result = new SpecValidator().validate(Examples.spec("minimal"));
        assertThat(result.loaded().spec().nodes()).hasSize(1);
        assertThat(result.loaded().sha256()).hasSize(64);
    }
}
