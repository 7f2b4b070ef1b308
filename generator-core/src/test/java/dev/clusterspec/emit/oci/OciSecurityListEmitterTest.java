package dev.clusterspec.emit.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clusterspec.Examples;
import dev.clusterspec.check.SpecValidator;
import dev.clusterspec.emit.OutputFile;
import dev.clusterspec.plan.ClusterPlan;
import dev.clusterspec.plan.firewall.ExamplePlans;
import dev.clusterspec.plan.firewall.FirewallException;
import dev.clusterspec.plan.firewall.FirewallPlan;
import dev.clusterspec.spec.Oci;
import dev.clusterspec.spec.TierQuota;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class OciSecurityListEmitterTest {

    @TempDir
    Path dir;

    private static JsonNode read(List<OutputFile> files, String path) {
        OutputFile file = files.stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow();
        return JsonMapper.shared().readTree(file.text());
    }

    @Test
    void terraformAndCliCarryTheSameRulesInTheirOwnShapes() {
        List<OutputFile> files = OciSecurityListEmitter.emit(ExamplePlans.firewall("oci-free-tier"));
        JsonNode list = read(files, OciSecurityListEmitter.TERRAFORM_PATH).at("/resource/oci_core_security_list/clusterspec_oci_home_proxmox_hosts");
        JsonNode cli = read(files, OciSecurityListEmitter.OCI_CLI_PATH);
        assertThat(list.get("ingress_security_rules").size()).isEqualTo(cli.get("ingressSecurityRules").size());
        assertThat(list.get("egress_security_rules").size()).isEqualTo(cli.get("egressSecurityRules").size()).isEqualTo(1);
        assertThat(list.get("vcn_id").asString()).isEqualTo("${var.clusterspec_vcn_id}");

        // SSH only from the bastion (host-to-host cluster SSH aside), with the Terraform flattening of port ranges
        List<JsonNode> ssh = StreamSupport.stream(list.get("ingress_security_rules").spliterator(), false)
                .filter(r -> r.path("tcp_options").path("min").asInt() == 22).toList();
        assertThat(ssh).extracting(r -> r.get("source").asString()).containsExactly("10.1.0.5/32", "10.1.0.11/32", "10.1.0.12/31");
        JsonNode https = StreamSupport.stream(cli.get("ingressSecurityRules").spliterator(), false)
                .filter(r -> r.at("/tcpOptions/destinationPortRange/min").asInt() == 443).findFirst().orElseThrow();
        assertThat(https.get("source").asString()).isEqualTo("0.0.0.0/0");
        assertThat(https.get("protocol").asString()).isEqualTo("6");
        assertThat(https.get("isStateless").asBoolean()).isFalse();
        assertThat(StreamSupport.stream(cli.get("ingressSecurityRules").spliterator(), false))
                .anyMatch(r -> r.get("protocol").asString().equals("1") && !r.has("icmpOptions"))
                .anyMatch(r -> r.at("/udpOptions/destinationPortRange/min").asInt() == 41641);
        assertThat(cli.at("/egressSecurityRules/0/protocol").asString()).isEqualTo("all");
    }

    @Test
    void countsStayWithinTheAlwaysFreeQuota() {
        OciSecurityListEmitter.RuleCounts counts = OciSecurityListEmitter.counts(ExamplePlans.firewall("oci-free-tier"));
        assertThat(counts.ingress()).as("hosts 10.1.0.11-13 are two blocks, not three").isEqualTo(12);
        assertThat(counts.egress()).isEqualTo(1);
        assertThat(counts.ingress()).isLessThanOrEqualTo(TierQuota.of(Oci.Tier.ALWAYS_FREE).securityListRulesPerDirection());
    }

    @Test
    void aSpecAboveTheQuotaFailsWithAMessageNotAStackTrace() throws Exception {
        String ports = IntStream.rangeClosed(1000, 1200).mapToObj(Integer::toString).collect(Collectors.joining(", "));
        String seed = Files.readString(Examples.spec("oci-free-tier"));
        assertThat(seed).contains("    ports: [443]\n");
        Path spec = Examples.specBesideItsFiles("oci-free-tier", dir);
        Files.writeString(spec, seed.replace("    ports: [443]\n", "    ports: [443, " + ports + "]\n"));
        FirewallPlan plan = FirewallPlan.of(ClusterPlan.of(new SpecValidator().validate(spec).loaded()));

        assertThat(OciSecurityListEmitter.counts(plan).ingress()).isEqualTo(12 + 201);
        assertThatThrownBy(() -> OciSecurityListEmitter.emit(plan))
                .isInstanceOf(FirewallException.class)
                .hasMessage("the OCI security list needs 213 ingress rules but the always-free tier allows at most 200 per direction:"
                        + " use fewer public ports, fewer firewall.admins or nodeIngress sources, or wider CIDRs");
    }
}
