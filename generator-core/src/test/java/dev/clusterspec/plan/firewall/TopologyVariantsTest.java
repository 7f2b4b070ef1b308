package dev.clusterspec.plan.firewall;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterspec.Examples;
import dev.clusterspec.check.SpecValidator;
import dev.clusterspec.emit.OutputFile;
import dev.clusterspec.emit.firewall.FirewallEmitters;
import dev.clusterspec.plan.ClusterPlan;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Specs other than the examples: the direct topology, and an ingress host that is not the gateway. */
class TopologyVariantsTest {

    @TempDir
    Path dir;

    private static ClusterPlan load(Path spec) {
        return ClusterPlan.of(new SpecValidator().validate(spec).loaded());
    }

    @Test
    void directTopologyPutsTheNodePortTableIntoTheOciListAndWritesNoHostFiles() throws URISyntaxException {
        Path spec = Path.of(TopologyVariantsTest.class.getResource("/firewall/direct/cluster.yaml").toURI());
        FirewallPlan plan = FirewallPlan.of(load(spec));
        assertThat(plan.flows(Layer.PROXMOX)).isEmpty();
        assertThat(plan.flows(Layer.NFTABLES_HOST)).isEmpty();
        assertThat(plan.flows(Layer.OCI_SECURITY_LIST)).anyMatch(f -> f.ports().contains(50000) && f.destination() instanceof Endpoint.Nodes);
        assertThat(plan.flows(Layer.OCI_SECURITY_LIST)).noneMatch(f -> f.ports().contains(22) && f.protocol() == Protocol.TCP);
        assertThat(FirewallEmitters.emit(plan)).extracting(OutputFile::path)
                .containsExactly("oci/security-lists.oci-cli.json", "oci/security-lists.tf.json");
    }

    @Test
    void anIngressHostThatIsNotTheGatewayIsFlaggedInThePlanAndTheRuleset() throws Exception {
        String seed = Files.readString(Examples.spec("oci-free-tier"));
        assertThat(seed).contains("    gateway: 10.0.0.1\n");
        Path spec = Examples.specBesideItsFiles("oci-free-tier", dir);
        Files.writeString(spec, seed.replace("    gateway: 10.0.0.1\n", "    gateway: 10.0.0.2\n"));
        FirewallPlan plan = FirewallPlan.of(load(spec));

        assertThat(plan.gatewayHost()).hasValueSatisfying(h -> assertThat(h.name()).isEqualTo("pve2"));
        assertThat(plan.warnings()).singleElement().asString().contains("public-web").contains("pve1").contains("10.0.0.1");
        String pve1 = FirewallEmitters.emit(plan).stream().filter(f -> f.path().equals("hosts/pve1/clusterspec.nft"))
                .findFirst().orElseThrow().text();
        String pve2 = FirewallEmitters.emit(plan).stream().filter(f -> f.path().equals("hosts/pve2/clusterspec.nft"))
                .findFirst().orElseThrow().text();
        assertThat(pve1).contains("WARNING").contains("dnat ip to 10.0.0.193:443").doesNotContain("masquerade");
        assertThat(pve2).contains("masquerade").doesNotContain("dnat ip to 10.0.0.193");
    }
}
