package dev.clusterspec.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The schematic ID against IDs Image Factory and the Talos docs publish: the empty schematic
 * (image-factory's schematic tests and the Image Factory docs), the QEMU guest agent schematic of the
 * Talos Proxmox guide, and the two-extension and gVisor schematics of the boot-assets guide
 * (the last with kernel arguments, which we do not write, so its extensions-only sibling is used).
 */
class TalosImageTest {

    private static TalosImage image(String platform, List<String> extensions) {
        return new TalosImage(platform, "arm64", "v1.13.9", extensions);
    }

    @Test
    void theEmptySchematicHasImageFactorysDefaultId() {
        TalosImage image = image("nocloud", List.of());
        assertThat(image.schematicYaml()).isEqualTo("customization: {}\n");
        assertThat(image.schematicId()).isEqualTo("376567988ad370138ad8b2698212367b8edcb69b5fd68c80be1f2ec7d603b4ba");
    }

    @Test
    void theQemuGuestAgentSchematicHasTheIdOfTheTalosProxmoxGuide() {
        assertThat(image("nocloud", List.of(TalosImage.QEMU_GUEST_AGENT)).schematicId())
                .isEqualTo("ce4c980550dd2ab1b17bbf2b08801c7eb59418eafe8f279833297925d67c7515");
    }

    @Test
    void extensionsKeepTheirOrderAsImageFactoryDoes() {
        assertThat(image("nocloud", List.of("siderolabs/gvisor")).schematicId())
                .isEqualTo("d9ff89777e246792e7642abd3220a616afb4e49822382e4213a2e528ab826fe5");
        assertThat(image("nocloud", List.of("siderolabs/gvisor", "siderolabs/intel-ucode")).schematicId())
                .isNotEqualTo(image("nocloud", List.of("siderolabs/intel-ucode", "siderolabs/gvisor")).schematicId());
    }

    @Test
    void theInstallerAndBootImageAreThePlatformsOwn() {
        TalosImage nocloud = image("nocloud", List.of(TalosImage.QEMU_GUEST_AGENT));
        String id = nocloud.schematicId();
        assertThat(nocloud.installer()).isEqualTo("factory.talos.dev/nocloud-installer/" + id + ":v1.13.9");
        assertThat(nocloud.bootImageUrl()).isEqualTo("https://factory.talos.dev/image/" + id + "/v1.13.9/nocloud-arm64.iso");
        TalosImage oracle = image("oracle", List.of());
        assertThat(oracle.installer()).startsWith("factory.talos.dev/oracle-installer/376567988ad3");
        assertThat(oracle.bootImageUrl()).endsWith("/v1.13.9/oracle-arm64.qcow2");
    }

    @Test
    void aNameOutsideThePlainScalarsWeReproduceIsRefused() {
        assertThatThrownBy(() -> image("nocloud", List.of("siderolabs/x: y"))).isInstanceOf(IllegalArgumentException.class);
    }
}
