package dev.clusterspec.emit.policies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clusterspec.Examples;
import dev.clusterspec.check.SpecValidator;
import dev.clusterspec.connectivity.Connection;
import dev.clusterspec.connectivity.ConnectivityResult;
import dev.clusterspec.load.Diagnostic;
import dev.clusterspec.load.LoadedSpec;
import dev.clusterspec.load.SpecProblemsException;
import dev.clusterspec.plan.ClusterPlan;
import dev.clusterspec.plan.firewall.ExamplePlans;
import dev.clusterspec.plan.firewall.FirewallPlan;
import dev.clusterspec.verify.ConnectivityAssertions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyConnectivityTest {

    private static List<String> lines(ConnectivityResult result, String from, String to) {
        return result.betweenNamespaces(from, to).stream().map(Connection::toLine).toList();
    }

    @Test
    void theSeedsAssertionsHoldAndTheAnalysisShowsWhy() {
        ClusterPlan plan = ExamplePlans.plan("oci-free-tier");
        PolicyDocuments generated = NetworkPolicyEmitter.documents(FirewallPlan.of(plan));
        ConnectivityResult result = PolicyConnectivity.analyse(plan, generated, plan.userManifests().connectivityObjects());
        assertThat(result.violations(ConnectivityAssertions.of(plan.spec()))).isEmpty();

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
        assertThat(PolicyConnectivity.analyse(plan, generated, List.of()).violations(ConnectivityAssertions.of(plan.spec())))
                .as("the generated policies alone")
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
        LoadedSpec loaded = new SpecValidator().validate(spec).loaded();
        ClusterPlan plan = ClusterPlan.of(loaded);
        ConnectivityResult result = PolicyConnectivity.analyse(plan, NetworkPolicyEmitter.documents(FirewallPlan.of(plan)), List.of());

        assertThatThrownBy(() -> ConnectivityAssertions.check(loaded, result)).isInstanceOf(SpecProblemsException.class)
                .satisfies(e -> assertThat(((SpecProblemsException) e).diagnostics()).extracting(Diagnostic::message).containsExactly(
                        "connectivity assertion violated: namespace api can reach namespace db (api/any-pod[Pod] => db/database[Pod] :"
                                + " TCP 5432; and 1 more), but the spec says it must not",
                        "connectivity assertion violated: namespace web cannot reach namespace api, but the spec says it must"));
    }
}
