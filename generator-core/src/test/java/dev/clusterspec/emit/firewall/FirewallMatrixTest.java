package dev.clusterspec.emit.firewall;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterspec.plan.firewall.ExamplePlans;
import dev.clusterspec.plan.firewall.FirewallPlan;
import dev.clusterspec.plan.firewall.Layer;
import java.util.List;
import org.junit.jupiter.api.Test;

class FirewallMatrixTest {

    @Test
    void oneTablePerLayerWithOneRowPerFlowThenPodSecurity() {
        FirewallPlan plan = ExamplePlans.firewall("oci-free-tier");
        String markdown = FirewallMatrix.markdown(plan);
        List<String> lines = markdown.lines().toList();
        for (Layer layer : Layer.values()) {
            int size = plan.flows(layer).size();
            String heading = "### " + layer.title() + " (" + size + " flows)";
            assertThat(lines).contains(heading);
            int at = lines.indexOf(heading);
            assertThat(lines.get(at + 2)).isEqualTo("| source | destination | protocol/ports | reason |");
            long rows = lines.stream().skip(at + 4).takeWhile(l -> l.startsWith("| ")).count();
            assertThat(rows).as(layer.title()).isEqualTo(size);
        }
        assertThat(markdown).contains("### Pod Security Standards (3 namespaces)")
                .contains("| web | restricted | public |")
                .contains("| db | restricted | cluster |");
    }
}
