package dev.clusterspec.emit.nftables;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterspec.emit.OutputFile;
import dev.clusterspec.plan.firewall.FirewallPlan;
import dev.clusterspec.plan.firewall.ExamplePlans;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HostNftablesEmitterTest {

    @TempDir
    Path dir;

    private static List<OutputFile> rulesets(String example) {
        return HostNftablesEmitter.rulesets(FirewallPlan.of(ExamplePlans.plan(example)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"oci-free-tier", "minimal"})
    void everyRulesetLoadsIntoARealKernelTwiceInOneNamespace(String example) throws Exception {
        List<OutputFile> files = rulesets(example);
        assertThat(files).isNotEmpty();
        for (OutputFile file : files) {
            Path path = dir.resolve(file.path().replace('/', '_'));
            Files.writeString(path, file.text());
            Nft.Result result = Nft.loadTwiceAndList(path, "inet clusterspec");
            assertThat(result.exitCode()).as(file.path() + " loads:\n" + result.output()).isZero();
            assertThat(result.output()).contains("table inet clusterspec").contains("policy drop")
                    .contains("ct state established,related accept");
        }
    }

    @Test
    void theIngressHostDnatsItsSecondaryPrivateIpToTheLoadBalancerIpWithoutSnat() throws Exception {
        OutputFile pve1 = rulesets("oci-free-tier").stream().filter(f -> f.path().equals("hosts/pve1/clusterspec.nft")).findFirst().orElseThrow();
        Path path = dir.resolve("pve1.nft");
        Files.writeString(path, pve1.text());
        Nft.Result loaded = Nft.loadTwiceAndList(path, "inet clusterspec");
        assertThat(loaded.exitCode()).as(loaded.output()).isZero();
        // what the kernel holds, as nft prints it back
        assertThat(loaded.output())
                .contains("ip daddr 10.1.0.21 tcp dport 443 dnat ip to 10.0.0.193:443")
                .contains("ct status dnat ip daddr 10.0.0.193 tcp dport 443 accept")
                .contains("iifname \"vmbr0\" oifname \"vmbr0\" accept")
                .contains("masquerade")
                .doesNotContain("snat");
        assertThat(pve1.text()).doesNotContain("flush ruleset");
    }

    @Test
    void hostsWithoutIngressOrGatewayOnlyFilterForwarding() {
        OutputFile pve2 = rulesets("oci-free-tier").stream().filter(f -> f.path().equals("hosts/pve2/clusterspec.nft")).findFirst().orElseThrow();
        assertThat(pve2.text()).doesNotContain("dnat ip to").doesNotContain("masquerade").contains("hook forward");
    }

    @Test
    void aBrokenRulesetIsRejectedByTheKernelLoad() throws Exception {
        // guards the harness itself: a NAT statement in a filter chain passes "nft -c" but fails a real load
        Path bad = dir.resolve("bad.nft");
        Files.writeString(bad, "table inet clusterspec {\n  chain forward {\n    type filter hook forward priority filter; policy drop;\n"
                + "    snat ip to 10.0.0.1\n  }\n}\n");
        assertThat(Nft.loadTwiceAndList(bad, "inet clusterspec").exitCode()).isNotZero();
    }
}
