package dev.clusterspec.emit.proxmox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clusterspec.emit.OutputFile;
import dev.clusterspec.plan.firewall.ExamplePlans;
import dev.clusterspec.plan.firewall.FirewallPlan;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProxmoxFirewallEmitterTest {

    private static Map<String, String> files(String example) {
        Map<String, String> files = new TreeMap<>();
        for (OutputFile file : ProxmoxFirewallEmitter.emit(ExamplePlans.firewall(example))) {
            files.put(file.path(), file.text());
        }
        return files;
    }

    @ParameterizedTest
    @ValueSource(strings = {"oci-free-tier", "minimal"})
    void everyFileFollowsProxmoxsGrammarAndEveryReferenceResolves(String example) {
        Map<String, String> files = files(example);
        FirewallPlan plan = ExamplePlans.firewall(example);
        ProxmoxFirewallGrammar.Definitions cluster = ProxmoxFirewallGrammar.parseCluster(files.get("proxmox/cluster.fw"));
        assertThat(cluster.groups).contains("talos-node", "talos-cp");
        int vms = 0;
        int hosts = 0;
        for (Map.Entry<String, String> file : files.entrySet()) {
            if (file.getKey().endsWith("/host.fw")) {
                ProxmoxFirewallGrammar.parse(ProxmoxFirewallGrammar.Kind.HOST, file.getValue(), cluster);
                hosts++;
            } else if (file.getKey().matches("proxmox/\\d+\\.fw")) {
                ProxmoxFirewallGrammar.Definitions vm = ProxmoxFirewallGrammar.parse(ProxmoxFirewallGrammar.Kind.VM, file.getValue(), cluster);
                assertThat(vm.rulesPerSection.get("RULES")).isPositive();
                vms++;
            }
        }
        assertThat(hosts).isEqualTo(plan.cluster().spec().proxmox().hosts().size());
        assertThat(vms).isEqualTo(plan.cluster().nodes().size() + (plan.cluster().meshGateway().isPresent() ? 1 : 0));
    }

    @Test
    void clusterFirewallIsOnWithInboundDropAndVmsDropInbound() {
        Map<String, String> files = files("oci-free-tier");
        assertThat(files.get("proxmox/cluster.fw")).contains("enable: 1\npolicy_in: DROP\npolicy_out: ACCEPT");
        assertThat(files.get("proxmox/101.fw")).contains("policy_in: DROP").contains("GROUP talos-cp -i net0");
        assertThat(files.get("proxmox/201.fw")).contains("GROUP talos-node -i net0").doesNotContain("talos-cp");
        assertThat(files.get("hosts/pve2/host.fw")).contains("IN ACCEPT -source bastion -p tcp -dport 22 ");
        List<String> ssh = files.get("hosts/pve2/host.fw").lines().filter(l -> l.contains("-dport 22 ")).toList();
        assertThat(ssh).allMatch(l -> l.contains("-source bastion") || l.contains("-source +pve-hosts"));
    }

    @Test
    void theGrammarCheckRejectsWhatProxmoxWouldSkip() {
        ProxmoxFirewallGrammar.Definitions cluster = ProxmoxFirewallGrammar.parseCluster("[OPTIONS]\nenable: 1\n\n[group talos-node]\nIN ACCEPT -p tcp -dport 22\n");
        assertThatThrownBy(() -> ProxmoxFirewallGrammar.parse(ProxmoxFirewallGrammar.Kind.HOST, "[RULES]\nIN ACCEPT -dport 22\n", cluster))
                .hasMessageContaining("-dport needs -p");
        assertThatThrownBy(() -> ProxmoxFirewallGrammar.parse(ProxmoxFirewallGrammar.Kind.HOST, "[RULES]\nIN ACCEPT -source nobody -p tcp\n", cluster))
                .hasMessageContaining("unknown alias");
        assertThatThrownBy(() -> ProxmoxFirewallGrammar.parse(ProxmoxFirewallGrammar.Kind.HOST, "[group x1]\nIN ACCEPT\n", cluster))
                .hasMessageContaining("not allowed");
        assertThatThrownBy(() -> ProxmoxFirewallGrammar.parse(ProxmoxFirewallGrammar.Kind.VM, "[RULES]\nGROUP talos-node -i vmbr0\nFORWARD ACCEPT\n", cluster))
                .hasMessageContaining("net0..net31").hasMessageContaining("direction FORWARD");
        assertThatThrownBy(() -> ProxmoxFirewallGrammar.parse(ProxmoxFirewallGrammar.Kind.VM, "[OPTIONS]\npolicy_in: DENY\n", cluster))
                .hasMessageContaining("policy_in");
    }
}
