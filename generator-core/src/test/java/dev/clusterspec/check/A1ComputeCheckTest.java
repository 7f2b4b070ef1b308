package dev.clusterspec.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterspec.spec.Proxmox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The A1 budget is the tier's data: documented defaults size each host, and a paid tier has no such budget. */
class A1ComputeCheckTest {

    private static final Path FIVE_HOSTS = Path.of("src/test/resources/bad-specs/sem-a1-five-hosts-free-tier.yaml");

    private static Path variant(Path dir, String from, String to) throws IOException {
        String text = Files.readString(FIVE_HOSTS).replaceAll("(?m)^# expect: .*\n", "");
        Path spec = dir.resolve("cluster.yaml");
        Files.writeString(spec, text.replace(from, to));
        return spec;
    }

    @Test
    void unsizedHostsTakeTheSchemaDefaults(@TempDir Path dir) throws IOException {
        SpecValidator.Validated fourHosts = new SpecValidator().validate(variant(dir, """
                    - name: pve5
                      privateIp: 10.1.0.15
                      bridgeIp: 10.0.0.5
                """, ""));
        Proxmox.Host host = fourHosts.loaded().spec().proxmox().hosts().get(0);
        assertThat(host.ocpus()).isEqualTo(1);
        assertThat(host.memoryGb()).isEqualTo(6);
    }

    @Test
    void aPaidTenancyHasNoA1Budget(@TempDir Path dir) throws IOException {
        // validates (it would throw with the budget's error otherwise)
        assertThat(new SpecValidator().validate(variant(dir, "tier: always-free", "tier: paid")).loaded().spec().proxmox().hosts())
                .hasSize(5);
    }
}
