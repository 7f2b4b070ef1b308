package dev.clusterspec.emit.tailscale;

import static dev.clusterspec.emit.manifests.ObjectDiff.Change.ADDED;
import static dev.clusterspec.emit.manifests.ObjectDiff.Change.CHANGED;
import static dev.clusterspec.emit.manifests.ObjectDiff.Change.REMOVED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterspec.Examples;
import dev.clusterspec.emit.AddonFixtures;
import dev.clusterspec.yaml.Yaml;
import dev.clusterspec.emit.catalog.CatalogFile;
import dev.clusterspec.emit.catalog.LocalMirrorSource;
import dev.clusterspec.emit.catalog.VersionCatalog;
import dev.clusterspec.emit.manifests.InlineManifest;
import dev.clusterspec.emit.manifests.KubeDocuments;
import dev.clusterspec.emit.manifests.ManifestComponent;
import dev.clusterspec.emit.manifests.ObjectDiff;
import dev.clusterspec.emit.manifests.ObjectDiff.Difference;
import dev.clusterspec.plan.ClusterPlan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The Tailscale operator manifests against the upstream static install manifest of the same release. */
class TailscaleOperatorTest {

    private static final ClusterPlan PLAN = AddonFixtures.plan(AddonFixtures.FREE_TIER);
    private static final String DEPLOYMENT = "Deployment/tailscale/operator";
    private static final String CONTAINER = "/spec/template/spec/containers[operator]";

    /** Where our operator install differs from upstream's operator.yaml, and why. */
    private static final Map<Difference, String> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put(new Difference("Secret/tailscale/operator-oauth", "", REMOVED),
                "the OAuth Secret is a Talos inline manifest built from the spec's secret references, never a repo file");
        EXPECTED.put(new Difference("Namespace/tailscale", "/metadata/labels", ADDED),
                "Pod Security privileged: the proxies run privileged containers, Talos enforces baseline by default");
        EXPECTED.put(new Difference(DEPLOYMENT, CONTAINER + "/image", CHANGED), "pinned release instead of :stable");
        EXPECTED.put(new Difference(DEPLOYMENT, CONTAINER + "/imagePullPolicy", CHANGED), "a pinned tag needs no pull on every start");
        EXPECTED.put(new Difference(DEPLOYMENT, CONTAINER + "/env[PROXY_IMAGE]/value", CHANGED),
                "proxy pinned to the operator's release instead of :stable");
        EXPECTED.put(new Difference(DEPLOYMENT, CONTAINER + "/env[OPERATOR_HOSTNAME]/value", CHANGED),
                "tailnet name of the operator from the spec (default <cluster>-operator)");
        EXPECTED.put(new Difference(DEPLOYMENT, CONTAINER + "/env[OPERATOR_LOGIN_SERVER]", REMOVED),
                "upstream sets it to null (the default control server); leaving it out means the same");
    }

    @Test
    void operatorDiffersFromUpstreamOnlyWhereListed() throws IOException {
        Map<String, JsonNode> upstream = new LinkedHashMap<>();
        for (JsonNode object : Yaml.readAll(Files.readString(Examples.reference().resolve("tailscale/operator-v1.102.3.yaml")))) {
            if (!object.path("kind").asString().equals("CustomResourceDefinition")) {
                upstream.put(KubeDocuments.id(object), withoutEmptyValues(object.deepCopy()));
            }
        }
        Map<String, JsonNode> ours = new LinkedHashMap<>();
        for (JsonNode object : Yaml.readAll(AddonFixtures.folder(new TailscaleOperator(), PLAN).orElseThrow())) {
            ours.put(KubeDocuments.id(object), object);
        }
        Set<Difference> actual = new LinkedHashSet<>(ObjectDiff.between(upstream, ours));
        assertThat(actual).containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
        JsonNode container = ours.get(DEPLOYMENT).path("spec").path("template").path("spec").path("containers").get(0);
        assertThat(container.path("image").asString()).isEqualTo("tailscale/k8s-operator:v1.102.3");
        assertThat(env(container, "PROXY_IMAGE")).isEqualTo("tailscale/tailscale:v1.102.3");
        assertThat(env(container, "OPERATOR_HOSTNAME")).isEqualTo("oci-home-operator");
    }

    @Test
    void namespaceIsPrivilegedAndTheSameInRepoAndSecretManifest() {
        JsonNode namespace = Yaml.readAll(AddonFixtures.folder(new TailscaleOperator(), PLAN).orElseThrow()).get(0);
        assertThat(namespace.path("metadata").path("labels").path("pod-security.kubernetes.io/enforce").asString()).isEqualTo("privileged");
        assertThat(namespace.path("metadata").path("labels").path("pod-security.kubernetes.io/enforce-version").asString()).isEqualTo("v1.33");
        InlineManifest secret = AddonFixtures.single(new TailscaleOperator().secretManifests(PLAN, AddonFixtures.secrets(AddonFixtures.FREE_TIER)));
        List<JsonNode> inline = Yaml.readAll(secret.contents());
        assertThat(inline.get(0)).isEqualTo(namespace);
        assertThat(inline.get(1).path("kind").asString()).isEqualTo("Secret");
        assertThat(inline.get(1).path("stringData").path("client_id").asString()).isEqualTo("DEMO-VALUE-not-a-real-secret-tailscale-client-id");
        assertThat(inline.get(1).path("stringData").path("client_secret").asString())
                .isEqualTo("DEMO-VALUE-not-a-real-secret-tailscale-client-secret");
        assertThat(secret.secret()).isTrue();
    }

    @Test
    void crdsAreTheUpstreamFilesByteForByte() throws IOException {
        String text = AddonFixtures.folder(new TailscaleCrds(), PLAN).orElseThrow();
        byte[] file = text.getBytes(StandardCharsets.UTF_8);
        List<CatalogFile> pins = VersionCatalog.bundled().tailscaleOperator("1.102.3").crds();
        for (CatalogFile pin : pins) {
            String upstream = Files.readString(AddonFixtures.tailscaleCrdMirror().resolve(pin.name()), StandardCharsets.UTF_8);
            assertThat(text).contains("---\n" + upstream);
            assertThat(text).contains(pin.url() + " sha256:" + pin.sha256());
        }
        List<JsonNode> documents = Yaml.readAll(text);
        assertThat(documents).hasSize(8).allSatisfy(d -> assertThat(d.path("kind").asString()).isEqualTo("CustomResourceDefinition"));
        assertThat(documents).extracting(d -> d.path("spec").path("group").asString()).containsOnly("tailscale.com");
        assertThat(file.length).isGreaterThan(455_000);
    }

    @Test
    void nothingWhenTheOperatorIsOff() {
        ClusterPlan minimal = AddonFixtures.plan(AddonFixtures.MINIMAL);
        assertThat(AddonFixtures.folder(new TailscaleCrds(), minimal)).isEmpty();
        assertThat(AddonFixtures.folder(new TailscaleOperator(), minimal)).isEmpty();
        assertThat(new TailscaleOperator().secretManifests(minimal, AddonFixtures.secrets(AddonFixtures.MINIMAL))).isEmpty();
    }

    private static String env(JsonNode container, String name) {
        for (JsonNode env : container.path("env")) {
            if (env.path("name").asString().equals(name)) {
                return env.path("value").asString();
            }
        }
        throw new AssertionError("no env " + name);
    }

    /** Upstream writes {@code annotations: {}} and null values, which mean nothing. */
    private static JsonNode withoutEmptyValues(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (String key : new ArrayList<>(object.propertyNames())) {
                JsonNode value = object.get(key);
                if ((value.isNull() && !key.equals("value")) || (value.isObject() && value.isEmpty() && key.equals("annotations"))) {
                    object.remove(key);
                } else {
                    withoutEmptyValues(value);
                }
            }
        } else if (node.isArray()) {
            node.forEach(TailscaleOperatorTest::withoutEmptyValues);
        }
        return node;
    }
}
