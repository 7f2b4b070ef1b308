package dev.clusterspec.emit.talos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clusterspec.Examples;
import dev.clusterspec.spec.ClusterSpec.Versions;
import dev.clusterspec.spec.SupportedVersions;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Where the Talos config's images come from: the repositories Talos's own generator writes for the
 * same contract (its v1.13 stability fixtures), with the spec's Kubernetes and Talos versions as tags.
 */
class TalosImagesTest {

    private static final Pattern IMAGE = Pattern.compile("image: ([^:\\s]+):(\\S+)");

    @Test
    void theRepositoriesAreTalossOwnAndTheTagsTheSpecsVersions() throws IOException {
        String fixture = Files.readString(Examples.reference().resolve("talos/stability/v1.13/base-controlplane.yaml"));
        List<String> upstream = IMAGE.matcher(fixture).results().map(m -> m.group(1)).toList();
        TalosImages images = TalosImages.of(new Versions("v1.13.9", "1.33.4", "1.18.12", "1.102.3"));
        for (String image : List.of(images.kubelet(), images.apiServer(), images.controllerManager(), images.scheduler())) {
            Matcher m = IMAGE.matcher("image: " + image);
            assertThat(m.matches()).as(image).isTrue();
            assertThat(upstream).as(image).contains(m.group(1));
            assertThat(m.group(2)).isEqualTo("v1.33.4");
        }
    }

    @Test
    void everySupportedTalosLineAndNoOtherGetsConfigs() {
        for (String line : SupportedVersions.talosLines()) {
            assertThat(TalosImages.of(new Versions(line + ".0", "1.33.4", "1.18.12", "1.102.3")).kubelet()).endsWith(":v1.33.4");
        }
        assertThatThrownBy(() -> TalosImages.of(new Versions("v1.11.6", "1.33.4", "1.18.12", "1.102.3")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Talos v1.11.6 is not a version this emitter writes configs for (the ")
                .hasMessageContaining(String.join(" and ", SupportedVersions.talosLines().subList(
                        SupportedVersions.talosLines().size() - 2, SupportedVersions.talosLines().size())) + " contracts)");
    }
}
