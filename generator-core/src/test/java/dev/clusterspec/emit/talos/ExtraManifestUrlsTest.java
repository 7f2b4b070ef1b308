package dev.clusterspec.emit.talos;

import static dev.clusterspec.ExampleCopy.lineOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.clusterspec.ExampleCopy;
import dev.clusterspec.load.Diagnostic;
import dev.clusterspec.load.SpecProblemsException;
import dev.clusterspec.check.SpecValidator;
import dev.clusterspec.emit.AddonFixtures;
import dev.clusterspec.emit.OutputFile;
import dev.clusterspec.yaml.Yaml;
import dev.clusterspec.emit.catalog.VersionCatalog;
import dev.clusterspec.emit.manifests.ManifestProblemException;
import dev.clusterspec.emit.manifests.ManifestRepoContent;
import dev.clusterspec.emit.manifests.ManifestRepoEmitter;
import dev.clusterspec.emit.manifests.ComponentInputs;
import dev.clusterspec.generate.Components;
import java.util.Optional;
import dev.clusterspec.load.LoadedSpec;
import dev.clusterspec.plan.ClusterPlan;
import dev.clusterspec.load.SecretResolver;
import java.io.IOException;
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

    @Test
    void aPatchThatAddsAUrlOnAnotherHostIsRefusedAtThePatch() throws IOException {
        // a JSON patch on the control planes, as a user could write to get around manifests.extraManifests
        Path spec = ExampleCopy.of("oci-free-tier", dir).replace("      - - op: add\n", "      - - op: add\n"
                + "          path: /cluster/extraManifests/-\n          value: https://github.com/o/r/raw/main/x.yaml\n        - op: add\n").spec();
        LoadedSpec loaded = new SpecValidator().validate(spec).loaded();
        SpecProblemsException e = catchThrowableOfType(SpecProblemsException.class, () -> emit(loaded, true));
        int line = lineOf(spec, "- - op: add");
        assertThat(e.diagnostics()).extracting(Diagnostic::toString).containsExactly(spec + ":" + line + ":9: error: talos patch cannot"
                + " apply to nodes cp-1, cp-2, cp-3: cluster.extraManifests: Talos would send the manifest repo's fetch token"
                + " (cluster.extraManifestHeaders goes with every extraManifests download) to https://github.com, not only to"
                + " https://raw.githubusercontent.com. Put such files into the manifests folder (manifests.folder), or list URLs on"
                + " https://raw.githubusercontent.com only");
        assertThat(e.getMessage()).doesNotContain("DEMO-VALUE");
    }

    @Test
    void aPatchThatAddsAUrlOnTheReposHostIsApplied() {
        String url = "https://raw.githubusercontent.com/o/r/f8fafd475f3d132e239432ae6172de60a6cb6516/x.yaml";
        Path spec = ExampleCopy.of("oci-free-tier", dir).replace("      - - op: add\n", "      - - op: add\n"
                + "          path: /cluster/extraManifests/-\n          value: " + url + "\n        - op: add\n").spec();
        JsonNode cp = cluster(emit(new SpecValidator().validate(spec).loaded(), true).get(0));
        assertThat(cp.get("extraManifests")).extracting(JsonNode::asString).contains(url);
    }


    private static JsonNode cluster(OutputFile config) {
        return Yaml.readAll(config.text()).get(0).get("cluster");
    }

    /** @param mirrored whether the Tailscale CRDs are copied into the repo rather than fetched from upstream */
    private static List<OutputFile> emit(LoadedSpec spec, boolean mirrored) {
        ClusterPlan plan = ClusterPlan.of(spec);
        SecretResolver secrets = SecretResolver.forSpec(spec.file());
        ComponentInputs inputs = AddonFixtures.inputs(plan);
        ManifestRepoContent repo = ManifestRepoEmitter.emit(Components.ALL,
                mirrored ? inputs : new ComponentInputs(plan, inputs.firewall(), inputs.catalog(), Optional.empty()));
        return new TalosEmitter(TalosFixtures.CLOCK).emit(plan, TalosFixtures.referenceBundle(), repo, List.of(), secrets);
    }

    @Test
    void theSpecsUrlsComeAfterTheReposOnControlPlanesOnly() {
        LoadedSpec spec = new SpecValidator().validate(ExampleCopy.of("minimal", dir)
                .append("manifests:\n  extraManifests:\n    - " + URL + "\n").spec()).loaded();
        List<OutputFile> configs = emit(spec, true);
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
        assertThatThrownBy(() -> emit(spec, false))
                .isInstanceOf(ManifestProblemException.class)
                .hasMessageContaining("not on the manifest repo's https://git.example but on https://raw.githubusercontent.com")
                .hasMessageContaining("-Dcluster.catalogMirror=DIR")
                .hasMessageNotContaining("DEMO-VALUE");

        // mirrored into the repo, every URL is on the repo's host and the token may go
        JsonNode cp = cluster(emit(spec, true).get(0));
        assertThat(cp.get("extraManifests")).extracting(JsonNode::asString).allMatch(u -> u.startsWith("https://git.example/"));
        assertThat(cp.at("/extraManifestHeaders/Authorization").asString()).startsWith("token ");
    }
}
