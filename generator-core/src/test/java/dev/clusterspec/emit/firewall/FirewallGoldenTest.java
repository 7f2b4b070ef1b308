package dev.clusterspec.emit.firewall;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterspec.emit.OutputFile;
import dev.clusterspec.emit.manifests.ManifestComponent;
import dev.clusterspec.emit.policies.NetworkPolicyEmitter;
import dev.clusterspec.plan.ClusterPlan;
import dev.clusterspec.plan.firewall.ExamplePlans;
import dev.clusterspec.plan.firewall.FirewallPlan;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every layer of every example against its golden files, and the same bytes on a second run. */
class FirewallGoldenTest {

    static java.util.List<String> examples() {
        return ExamplePlans.ALL;
    }

    static Map<String, String> render(ClusterPlan plan) {
        Map<String, String> files = new TreeMap<>();
        for (OutputFile file : FirewallEmitters.emit(plan)) {
            files.put(file.path(), file.text());
        }
        for (ManifestComponent component : NetworkPolicyEmitter.components(FirewallPlan.of(plan))) {
            files.put("manifest-repo/" + component.name() + ".yaml", component.yaml());
        }
        return files;
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everyLayerMatchesItsGoldenFiles(String example) {
        FirewallGolden.check(example, render(ExamplePlans.plan(example)));
    }

    @ParameterizedTest
    @MethodSource("examples")
    void outputIsDeterministic(String example) {
        assertThat(render(ExamplePlans.plan(example))).isEqualTo(render(ExamplePlans.plan(example)));
    }
}
