package dev.clusterspec.emit.hostnet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterspec.emit.OutputFile;
import dev.clusterspec.yaml.Yaml;
import dev.clusterspec.emit.nftables.HostNftablesEmitter;
import dev.clusterspec.emit.talos.TalosFixtures;
import dev.clusterspec.plan.ClusterPlan;
import dev.clusterspec.plan.firewall.ExamplePlans;
import dev.clusterspec.plan.firewall.FirewallPlan;
import dev.clusterspec.spec.Proxmox;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The hosts' own network files (their golden files are the examples' whole output, see
 * ExampleOutputsGoldenTest): one VXLAN remote per other host, and one MTU shared by the
 * hosts' bridge, its VXLAN port and every node's LinkConfig. That they come up and carry packets is
 * {@link DatacenterPacketTest}'s job.
 */
class HostNetworkEmitterTest {

    @TempDir
    Path dir;

    @Test
    void eachHostTunnelsToEveryOtherHostAndAllSidesShareTheBridgeMtu() {
        ClusterPlan plan = ExamplePlans.plan("oci-free-tier");
        Proxmox proxmox = plan.spec().proxmox();
        int mtu = proxmox.bridge().mtu();
        for (OutputFile file : HostNetworkEmitter.emit(plan)) {
            if (!file.path().endsWith("/interfaces")) {
                continue;
            }
            String host = file.path().split("/")[1];
            for (Proxmox.Host other : proxmox.hosts()) {
                assertThat(file.text().contains("vxlan-remoteip " + other.privateIp() + "\n")).as(file.path() + " tunnels to " + other.name())
                        .isEqualTo(!other.name().equals(host));
            }
            assertThat(file.text().lines().filter(l -> l.trim().startsWith("mtu ")).toList()).hasSize(2).allMatch(l -> l.trim().equals("mtu " + mtu));
        }
        for (OutputFile talos : TalosFixtures.emit(TalosFixtures.example("oci-free-tier"))) {
            if (!talos.path().endsWith(".yaml")) {
                continue;
            }
            JsonNode link = Yaml.readAll(talos.text()).stream().filter(d -> "LinkConfig".equals(d.path("kind").asString())).findFirst().orElseThrow();
            assertThat(link.path("mtu").asInt()).as(talos.path()).isEqualTo(mtu);
            assertThat(link.path("routes").toString()).as("the route back to the tailnet through the mesh gateway")
                    .contains("\"destination\":\"" + plan.spec().network().tailnet() + "\"")
                    .contains("\"gateway\":\"" + plan.meshGateway().orElseThrow().ip() + "\"");
        }
    }

    @Test
    void theNftablesUnitIsAValidSystemdUnitThatFollowsNftablesService() throws Exception {
        OutputFile unit = HostNftablesEmitter.emit(FirewallPlan.of(ExamplePlans.plan("oci-free-tier"))).stream()
                .filter(f -> f.path().endsWith(".service")).findFirst().orElseThrow();
        assertThat(unit.text()).contains("After=nftables.service").contains("PartOf=nftables.service")
                .contains("ReloadPropagatedFrom=nftables.service").contains("ExecStart=/usr/sbin/nft -f " + HostNftablesEmitter.INSTALL_PATH);
        Path file = dir.resolve(HostNftablesEmitter.UNIT);
        Files.writeString(file, unit.text());
        Process verify = new ProcessBuilder("systemd-analyze", "verify", "--man=no", file.toString()).redirectErrorStream(true).start();
        String output = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(verify.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(output.lines().filter(l -> l.contains(HostNftablesEmitter.UNIT)).toList())
                .as("systemd-analyze verify says nothing about the unit:\n" + output).isEmpty();
        assertThat(verify.exitValue()).as(output).isZero();
    }
}
