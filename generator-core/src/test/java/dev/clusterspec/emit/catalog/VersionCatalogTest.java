package dev.clusterspec.emit.catalog;

import dev.clusterspec.Sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clusterspec.Examples;
import dev.clusterspec.emit.AddonFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The version catalog: pins that match the upstream files, images that run on arm64, clear errors. */
class VersionCatalogTest {

    private final VersionCatalog catalog = VersionCatalog.bundled();

    @Test
    void tailscaleCrdPinsAreTheUpstreamFiles() throws IOException {
        List<CatalogFile> crds = catalog.tailscaleOperator("1.102.3").crds();
        Path mirror = AddonFixtures.tailscaleCrdMirror();
        try (Stream<Path> files = Files.list(mirror)) {
            assertThat(crds).extracting(CatalogFile::name)
                    .containsExactlyElementsOf(files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        for (CatalogFile crd : crds) {
            byte[] bytes = Files.readAllBytes(mirror.resolve(crd.name()));
            assertThat(Sha256.hex(bytes)).as(crd.name()).isEqualTo(crd.sha256());
            assertThat((long) bytes.length).as(crd.name()).isEqualTo(crd.size());
            // pinned to the release commit, not a moving tag or branch
            assertThat(crd.url()).startsWith("https://raw.githubusercontent.com/tailscale/tailscale/53a0d659afa51835dd7a9283873cca44261454f8/")
                    .endsWith("/cmd/k8s-operator/deploy/crds/" + crd.name());
        }
    }

    private static void collectImages(JsonNode node, List<JsonNode> into) {
        if (node.isObject()) {
            if (node.has("repository") && node.has("tag")) {
                into.add(node);
                return;
            }
            node.values().forEach(child -> collectImages(child, into));
        }
    }

    /** Read as data, so the check does not depend on how the catalog class reads it. */
    @Test
    void everyPinnedImageNamesWhereItsTagAndDigestComeFrom() throws IOException {
        JsonNode root;
        try (var in = VersionCatalog.class.getResourceAsStream(VersionCatalog.RESOURCE)) {
            root = JsonMapper.shared().readTree(in);
        }
        List<JsonNode> images = new ArrayList<>();
        collectImages(root, images);
        assertThat(images).hasSize(12).allSatisfy(image ->
                assertThat(image.path("source").asString("")).as(image.path("repository").asString()).isNotBlank());
        assertThat(catalog.allImages()).allSatisfy(image -> assertThat(image.source()).isNotBlank());
    }

    @Test
    void ciliumPinsAreTheOnesOfTheReferenceHelmRender() throws IOException {
        String render = Files.readString(Examples.reference().resolve("cilium/rendered-1.18.12-talos-values.yaml"));
        VersionCatalog.CiliumRelease cilium = catalog.cilium("1.18.12");
        for (ImageRef image : List.of(cilium.agent(), cilium.operator(), cilium.envoy(), cilium.hubbleRelay())) {
            assertThat(render).as(image.reference()).contains("image: \"" + image.reference() + "\"");
            assertThat(image.source()).contains("Helm chart 1.18.12");
        }
        // certgen is in neither reference render (they use no generated Hubble certificates); its pin names its chart value
        assertThat(cilium.certgen().source()).contains("certgen.image");
    }

    @Test
    void tailscalePinsAreTheReleaseOfTheReferenceManifest() throws IOException {
        String manifest = Files.readString(Examples.reference().resolve("tailscale/operator-v1.102.3.yaml"));
        String provenance = Files.readString(Examples.reference().resolve("tailscale/SOURCE.txt"));
        VersionCatalog.TailscaleRelease release = catalog.tailscaleOperator("1.102.3");
        // upstream's static manifest names the repositories with a moving tag; the pin is the release's tag
        assertThat(manifest).contains("image: " + release.operator().repository() + ":")
                .contains("value: " + release.proxy().repository() + ":");
        assertThat(provenance).containsPattern("tag:\\s+" + java.util.regex.Pattern.quote(release.operator().tag()) + "\\s");
        for (ImageRef image : List.of(release.operator(), release.proxy())) {
            assertThat(image.tag()).isEqualTo(release.operator().tag());
            assertThat(image.source()).contains("53a0d659afa51835dd7a9283873cca44261454f8");
        }
        assertThat(provenance).contains("53a0d659afa51835dd7a9283873cca44261454f8");
    }

    @Test
    void everyImageRunsOnArm64AndIsPinned() {
        assertThat(catalog.allImages()).hasSize(12).allSatisfy(image -> {
            assertThat(image.supports("linux/arm64")).as(image.reference()).isTrue();
            assertThat(image.tag()).as(image.reference()).isNotIn("latest", "stable").matches("v\\d.*");
        });
        VersionCatalog.CiliumRelease cilium = catalog.cilium("1.18.12");
        for (ImageRef image : List.of(cilium.agent(), cilium.operator(), cilium.envoy(), cilium.hubbleRelay(), cilium.certgen())) {
            assertThat(image.digestIfAny()).as(image.reference()).hasValueSatisfying(d -> assertThat(d).matches("sha256:[0-9a-f]{64}"));
        }
    }

    @Test
    void tailscaleOperatorAndProxyArePinnedToTheSameRelease() {
        VersionCatalog.TailscaleRelease release = catalog.tailscaleOperator("1.102.3");
        assertThat(release.operator().reference()).isEqualTo("tailscale/k8s-operator:v1.102.3");
        assertThat(release.proxy().reference()).isEqualTo("tailscale/tailscale:v1.102.3");
    }

    @Test
    void theCcmMinorFollowsKubernetes() {
        assertThat(catalog.ociCcm("1.33.4").tag()).startsWith("v1.33.");
        assertThat(catalog.ociCcm("v1.35.0").tag()).startsWith("v1.35.");
        assertThatThrownBy(() -> catalog.ociCcm("1.36.1")).isInstanceOf(CatalogException.class)
                .hasMessageContaining("Kubernetes 1.36").hasMessageContaining("1.35");
    }

    @Test
    void anUnknownVersionNamesTheKnownOnes() {
        assertThatThrownBy(() -> catalog.cilium("1.18.11")).isInstanceOf(CatalogException.class)
                .hasMessageContaining("Cilium 1.18.11").hasMessageContaining("known versions: 1.18.12");
        assertThatThrownBy(() -> catalog.tailscaleOperator("1.90.0")).isInstanceOf(CatalogException.class)
                .hasMessageContaining("1.102.3");
    }
}
