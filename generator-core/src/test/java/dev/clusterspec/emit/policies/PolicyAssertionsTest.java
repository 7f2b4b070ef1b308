package dev.clusterspec.emit.policies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clusterspec.Examples;
import dev.clusterspec.check.SpecValidator;
import dev.clusterspec.connectivity.Connection;
import dev.clusterspec.connectivity.ConnectivityResult;
import dev.clusterspec.load.manifests.UserManifests;
import dev.clusterspec.plan.ClusterPlan;
import dev.clusterspec.plan.firewall.ExamplePlans;
import dev.clusterspec.plan.firewall.FirewallException;
import dev.clusterspec.plan.firewall.FirewallPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyAssertionsTest {

    private static List<String> lines(ConnectivityResult result, String from, String to) {
        return result.betweenNamespaces(from, to).stream().map(Connection::toLine).toList();
    }

    @Test
    void theSeedsAssertionsHoldAndTheAnalysisShowsWhy() {
        ClusterPlan plan = ExamplePlans.plan("oci-free-tier");
        PolicyDocuments generated = NetworkPolicyEmitter.documents(FirewallPlan.of(plan));
        ConnectivityResult result = PolicyAssertions.analyse(plan, generated, UserManifests.of(plan).connectivityObjects());
        assertThat(result.violations(PolicyAssertions.assertions(plan))).isEmpty();

        assertThat(lines(result, "web", "db")).isEmpty();
        assertThat(lines(result, "api", "db")).containsExactly(
                "api/any-pod[Pod] => db/database[Pod] : TCP 5432",
                "api/internal-api[Pod] => db/database[Pod] : TCP 5432");
        assertThat(lines(result, "tailscale", "api")).containsExactly("tailscale/proxy[Pod] => api/internal-api[Pod] : TCP 8080");
        assertThat(lines(result, "web", "kube-system")).containsExactly(
                "web/any-pod[Pod] => kube-system/coredns[Pod] : TCP 53,UDP 53",
                "web/public-web[Pod] => kube-system/coredns[Pod] : TCP 53,UDP 53");
        assertThat(lines(result, "db", "db")).as("no traffic inside a namespace unless allowed").isEmpty();
        // the example's own policies (manifests/web-to-api.yaml) open web -> api, which its third assertion needs
        assertThat(lines(result, "web", "api")).containsExactly(
                "web/any-pod[Pod] => api/internal-api[Pod] : TCP 8080",
                "web/public-web[Pod] => api/internal-api[Pod] : TCP 8080");
        assertThat(PolicyAssertions.violations(plan, generated)).as("the generated policies alone")
                .containsExactly("namespace web cannot reach namespace api, but the spec says it must");
    }

    @Test
    void aViolatedAssertionFailsTheBuildWithTheConnectionThatBreaksIt(@TempDir Path dir) throws Exception {
        String seed = Files.readString(Examples.spec("oci-free-tier"));
        String assertions = "  - {from: web, to: db, expect: denied}\n  - {from: api, to: db, expect: allowed}\n"
                + "  # holds through the policies in manifests/web-to-api.yaml\n  - {from: web, to: api, expect: allowed}\n";
        assertThat(seed).contains(assertions);
        Path spec = Examples.specBesideItsFiles("oci-free-tier", dir);
        Files.writeString(spec, seed.replace(assertions, "  - {from: api, to: db, expect: denied}\n  - {from: web, to: api, expect: allowed}\n"));
        ClusterPlan plan = ClusterPlan.of(new SpecValidator().validate(spec).loaded());
        PolicyDocuments policies = NetworkPolicyEmitter.documents(FirewallPlan.of(plan));

        assertThat(PolicyAssertions.violations(plan, policies)).containsExactly(
                "namespace api can reach namespace db (api/any-pod[Pod] => db/database[Pod] : TCP 5432; and 1 more), but the spec says it must not",
                "namespace web cannot reach namespace api, but the spec says it must");
        assertThatThrownBy(() -> PolicyAssertions.check(plan, policies)).isInstanceOf(FirewallException.class)
                .hasMessageStartingWith("the generated network policies break 2 assertions of the spec: namespace api can reach");
    }
}
