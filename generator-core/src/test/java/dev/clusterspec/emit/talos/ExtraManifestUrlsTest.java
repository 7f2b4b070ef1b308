package dev.clusterspec.emit.talos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clusterspec.ExampleCopy;
import dev.clusterspec.check.SpecValidator;
import dev.clusterspec.emit.AddonFixtures;
import dev.clusterspec.emit.OutputFile;
import dev.clusterspec.emit.Yaml;
import dev.clusterspec.emit.catalog.VersionCatalog;
import dev.clusterspec.emit.manifests.ManifestProblemException;
import dev.clusterspec.emit.manifests.ManifestRepoContent;
import dev.clusterspec.emit.manifests.ManifestRepoEmitter;
import dev.clusterspec.load.LoadedSpec;
import dev.clusterspec.plan.ClusterPlan;
import dev.clusterspec.spec.SecretResolver;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The spec's own URLs in the control planes' {@code cluster.extraManifests}, and the fetch token,
 * which Talos sends to every URL there, kept to the manifest repo's host.
 */
class ExtraManifestUrlsTest {

    private static final String URL = "https://github.com/o/r/releases/download/v0.93.0/crd.yaml"
            + "?checksum=sha256:a99047972c9dd7679ce2050b9968e8a08773492e671b3e17abd476d42aa78a32";

    @TempDir
    Path dir;

    private static JsonNode cluster(OutputFile config) {
        return Yaml.readAll(config.text()).get(0).get("cluster");
    }

    private static List<OutputFile> emit(LoadedSpec spec, ManifestRepoEmitter repoEmitter) {
        ClusterPlan plan = ClusterPlan.of(spec);
        SecretResolver secrets = SecretResolver.forSpec(spec.file());
        ManifestRepoContent repo = repoEmitter.emit(plan, List.of());
        return new TalosEmitter(TalosFixtures.CLOCK).emit(plan, TalosFixtures.referenceBundle(), repo, List.of(), secrets);
    }

    @Test
    void theSpecsUrlsComeAfterTheReposOnControlPlanesOnly() {
        LoadedSpec spec = new SpecValidator().validate(ExampleCopy.of("minimal", dir)
                .append("manifests:\n  extraManifests:\n    - " + URL + "\n").spec()).loaded();
        List<OutputFile> configs = emit(spec, AddonFixtures.repoEmitter());
        JsonNode cp = cluster(configs.get(0));
        assertThat(cp.get("extraManifests")).extracting(JsonNode::asString).containsExactly(URL);
        assertThat(cp.has("extraManifestHeaders")).as("no manifest repo, no token").isFalse();
    }

    @Test
    void aFetchTokenStopsTheBuildRatherThanGoToAnUpstreamHost() {
        // the repo on a host of its own, the Tailscale CRDs referenced at their upstream URLs on GitHub
        // (without the example's own URL on GitHub, which validation would refuse for the same reason)
        LoadedSpec spec = new SpecValidator().validate(ExampleCopy.of("oci-free-tier", dir).withoutExtraManifests()
                .replace("rawUrl: https://raw.githubusercontent.com/you/k8s-manifests-private", "rawUrl: https://git.example/you/m/raw")
                .spec()).loaded();
        assertThatThrownBy(() -> emit(spec, ManifestRepoEmitter.referencingUpstream(VersionCatalog.bundled())))
                .isInstanceOf(ManifestProblemException.class)
                .hasMessageContaining("not on the manifest repo's https://git.example but on https://raw.githubusercontent.com")
                .hasMessageContaining("-Dcluster.catalogMirror=DIR")
                .hasMessageNotContaining("DEMO-VALUE");

        // mirrored into the repo, every URL is on the repo's host and the token may go
        JsonNode cp = cluster(emit(spec, AddonFixtures.repoEmitter()).get(0));
        assertThat(cp.get("extraManifests")).extracting(JsonNode::asString).allMatch(u -> u.startsWith("https://git.example/"));
        assertThat(cp.at("/extraManifestHeaders/Authorization").asString()).startsWith("token ");
    }
}
