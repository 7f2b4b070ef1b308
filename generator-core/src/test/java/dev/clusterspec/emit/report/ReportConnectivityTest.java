package dev.clusterspec.emit.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clusterspec.connectivity.ConnectivityResult;
import dev.clusterspec.connectivity.Workload;
import dev.clusterspec.plan.ClusterPlan;
import dev.clusterspec.plan.firewall.FirewallPlan;
import dev.clusterspec.spec.ServiceSpec;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ReportConnectivityTest {

    @Test
    void everyServiceStandsForOneLabelledWorkload() {
        ClusterPlan plan = ReportFixtures.plan("oci-free-tier");
        List<JsonNode> standIns = ReportConnectivity.standIns(plan);
        for (ServiceSpec service : plan.spec().services()) {
            JsonNode workload = standIns.stream().filter(t -> t.at("/metadata/name").asString().equals(service.name())
                    && t.at("/metadata/namespace").asString().equals(service.namespace())).findFirst().orElseThrow();
            assertThat(workload.at("/metadata/labels/" + ReportConnectivity.STAND_IN_LABEL.replace("/", "~1")).asString()).isEqualTo("true");
            service.selector().forEach((k, v) -> assertThat(workload.at("/spec/template/metadata/labels/" + k.replace("/", "~1")).asString()).isEqualTo(v));
            List<Integer> ports = new java.util.ArrayList<>();
            workload.at("/spec/template/spec/containers/0/ports").forEach(p -> ports.add(p.get("containerPort").asInt()));
            assertThat(ports).isEqualTo(service.ports().stream().map(ServiceSpec.Port::targetPort).toList());
        }
    }

    @Test
    void theGeneratedPoliciesAllowWhatTheSpecSaysAndNoMore() {
        FirewallPlan firewall = FirewallPlan.of(ReportFixtures.plan("oci-free-tier"));
        ConnectivityResult result = ReportConnectivity.of(firewall);
        assertThat(result.policyCount()).isPositive();
        assertThat(result.warnings()).isEmpty();
        assertThat(result.workloads()).contains(new Workload("db", "database", "Deployment"), new Workload("kube-system", "coredns", "Deployment"),
                new Workload("tailscale", "ts-internal-api", "StatefulSet"));
        assertThat(ConnectivitySection.violations(firewall.cluster(), result)).isEmpty();
        // only the tailnet proxy and the operator's namespace reach the tailnet service
        assertThat(result.betweenNamespaces("web", "api")).isEmpty();
        assertThat(result.betweenNamespaces("tailscale", "api")).isNotEmpty();
    }

    @Test
    void inputsRefuseAFirewallPlanOfAnotherCluster() {
        ClusterPlan plan = ReportFixtures.plan("minimal");
        ClusterPlan other = ReportFixtures.plan("minimal");
        FirewallPlan firewall = FirewallPlan.of(other);
        assertThatThrownBy(() -> new ReportInputs(plan, List.of(), firewall, ReportConnectivity.of(firewall),
                ReportFixtures.manifests(plan), List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("another cluster plan");
    }
}
