package dev.clusterspec.emit.manifests;

import static dev.clusterspec.emit.AddonFixtures.FREE_TIER;
import static dev.clusterspec.emit.AddonFixtures.MINIMAL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterspec.Examples;
import dev.clusterspec.Golden;
import dev.clusterspec.check.SpecValidator;
import dev.clusterspec.emit.AddonFixtures;
import dev.clusterspec.emit.OutputFile;
import dev.clusterspec.yaml.Yaml;
import dev.clusterspec.Sha256;
import dev.clusterspec.emit.cilium.CiliumInstall;
import dev.clusterspec.generate.Components;
import dev.clusterspec.plan.ClusterPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The manifest repo of the examples: golden files, byte-identical output across runs, the naming
 * and apply-order scheme, what goes inline and what by URL.
 */
class ManifestRepoEmitterTest {

    @ParameterizedTest
    @ValueSource(strings = {FREE_TIER, MINIMAL, AddonFixtures.DIRECT})
    void repoMatchesTheGoldenFiles(String example) {
        ClusterPlan plan = AddonFixtures.plan(example);
        ManifestRepoContent content = AddonFixtures.repo(plan);
        List<InlineManifest> secrets = Components.secretManifests(plan, AddonFixtures.secrets(example));

        Map<String, String> golden = new TreeMap<>();
        StringBuilder sums = new StringBuilder();
        for (OutputFile file : content.files()) {
            sums.append(Sha256.hex(file.content())).append("  ").append(file.path()).append('\n');
        }
        // the files themselves are in the examples' whole output (ExampleOutputsGoldenTest), except the
        // upstream files mirrored unmodified, which stay out of the project: their sha256 above pins them
        golden.put("files.sha256", sums.toString());
        golden.put("talos.txt", talosView(content, secrets));
        Golden.assertFolder("manifest-repo/" + example, golden);
    }

    @ParameterizedTest
    @ValueSource(strings = {FREE_TIER, MINIMAL, AddonFixtures.DIRECT})
    void sameSpecGivesByteIdenticalOutput(String example) {
        ClusterPlan plan = AddonFixtures.plan(example);
        ManifestRepoContent first = AddonFixtures.repo(plan);
        // a fresh load and plan, a fresh emitter: nothing may depend on object identity or map order
        ClusterPlan again = ClusterPlan.of(new SpecValidator().validate(Examples.spec(example)).loaded());
        ManifestRepoContent second = AddonFixtures.repo(again);
        assertThat(second.files()).hasSameSizeAs(first.files());
        for (int i = 0; i < first.files().size(); i++) {
            assertThat(second.files().get(i).path()).isEqualTo(first.files().get(i).path());
            assertThat(second.files().get(i).content()).isEqualTo(first.files().get(i).content());
        }
        assertThat(second.urlManifests()).isEqualTo(first.urlManifests());
        assertThat(second.inlineManifests()).isEqualTo(first.inlineManifests());
        assertThat(Components.secretManifests(again, AddonFixtures.secrets(example)))
                .isEqualTo(Components.secretManifests(AddonFixtures.plan(example), AddonFixtures.secrets(example)));
    }

    @Test
    void filesAreContentAddressedInApplyOrderFolders() {
        ManifestRepoContent content = AddonFixtures.repo(AddonFixtures.plan(FREE_TIER));
        List<String> manifests = new ArrayList<>();
        for (OutputFile file : content.files()) {
            if (file.path().contains("/")) {
                assertThat(file.path()).matches("\\d{2}-[a-z0-9-]+/[0-9a-f]{12}\\.yaml");
                assertThat(file.path()).endsWith("/" + Sha256.hex(file.content()).substring(0, 12) + ".yaml");
                manifests.add(file.path().substring(0, file.path().indexOf('/')));
            }
        }
        assertThat(manifests).containsExactly("10-cilium", "20-namespaces", "30-tailscale-crds", "40-tailscale", "50-monitoring",
                "60-services", "70-cilium-lb", "80-network-policies", "85-cilium-policies", "90-user-web-settings", "90-user-web-to-api");
        assertThat(content.files()).extracting(OutputFile::path).contains(ManifestRepoEmitter.INDEX, ManifestRepoEmitter.README);
        assertThat(content.files()).noneMatch(OutputFile::secret);
    }

    @Test
    void ciliumIsInlineAndInTheRepoAndEverythingElseIsFetchedByUrlInOrder() {
        ClusterPlan plan = AddonFixtures.plan(FREE_TIER);
        ManifestRepoContent content = AddonFixtures.repo(plan);
        assertThat(content.inlineManifests()).extracting(InlineManifest::name).containsExactly("10-" + CiliumInstall.NAME);
        InlineManifest cilium = content.inlineManifests().get(0);
        assertThat(cilium.secret()).isFalse();
        assertThat(content.files()).anySatisfy(f -> assertThat(f.text()).isEqualTo(cilium.contents()));

        List<ManifestRef> refs = content.urlManifests();
        assertThat(refs).extracting(ManifestRef::component)
                .containsExactly("namespaces", "tailscale-crds", "tailscale", "monitoring", "services", "cilium-lb", "network-policies",
                        "cilium-policies", "user-web-settings", "user-web-to-api");
        assertThat(refs).extracting(ManifestRef::url).isSorted();
        for (ManifestRef ref : refs) {
            assertThat(ref.url()).isEqualTo("https://raw.githubusercontent.com/you/k8s-manifests-private/main/" + ref.path());
            OutputFile file = content.files().stream().filter(f -> f.path().equals(ref.path())).findFirst().orElseThrow();
            assertThat(ref.sha256()).isEqualTo(Sha256.hex(file.content()));
            assertThat(ref.size()).isEqualTo(file.size());
        }
        // Talos names inline manifests "99-<name>" and URL manifests "99-<url>" and applies them sorted: inline first
        assertThat("99-" + cilium.name()).isLessThan("99-" + refs.get(0).url());
    }

    @Test
    void withoutAManifestRepoEverythingIsInline() {
        ManifestRepoContent content = AddonFixtures.repo(AddonFixtures.plan(MINIMAL));
        assertThat(AddonFixtures.plan(MINIMAL).manifestRepo()).isEmpty();
        assertThat(content.urlManifests()).isEmpty();
        assertThat(content.inlineManifests()).extracting(InlineManifest::name)
                .containsExactly("10-cilium", "20-namespaces", "80-network-policies", "85-cilium-policies");
    }

    @Test
    void extraComponentsTakeTheirPlaceInTheOrder() {
        String policy = """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata:
                  name: default-deny
                  namespace: web
                spec:
                  podSelector: {}
                  policyTypes: [Ingress]
                """;
        List<Component> components = new ArrayList<>(List.of(new FixedComponent("late-policies", 95, policy)));
        components.addAll(Components.ALL);
        ManifestRepoContent content = ManifestRepoEmitter.emit(components, AddonFixtures.inputs(AddonFixtures.plan(FREE_TIER)));
        List<ManifestRef> refs = content.urlManifests();
        assertThat(refs.get(refs.size() - 1).component()).isEqualTo("late-policies");
        assertThat(refs.get(refs.size() - 1).path()).startsWith("95-late-policies/");
        JsonNode index = Yaml.readAll(content.files().stream().filter(f -> f.path().equals(ManifestRepoEmitter.INDEX))
                .findFirst().orElseThrow().text()).get(0);
        JsonNode listed = index.path("components");
        assertThat(listed.get(listed.size() - 1).path("name").asString()).isEqualTo("late-policies");
    }

    /** What the Talos configs get from this repo: URL manifests in order, inline manifests, secret names. */
    private static String talosView(ManifestRepoContent content, List<InlineManifest> secrets) {
        StringBuilder out = new StringBuilder("# cluster.extraManifests, in apply order\n");
        content.urlManifests().forEach(r -> out.append(r.url()).append("  sha256:").append(r.sha256()).append("  ")
                .append(r.size()).append(" bytes\n"));
        out.append("# cluster.inlineManifests (not secret)\n");
        content.inlineManifests().forEach(i -> out.append(i.name()).append("  sha256:").append(Sha256.hex(i.contents())).append('\n'));
        out.append("# cluster.inlineManifests (secret; names only)\n");
        secrets.forEach(s -> out.append(s.name()).append('\n'));
        return out.toString();
    }
}
