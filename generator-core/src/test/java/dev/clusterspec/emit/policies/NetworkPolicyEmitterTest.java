package dev.clusterspec.emit.policies;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import dev.clusterspec.Examples;
import dev.clusterspec.check.SpecValidator;
import dev.clusterspec.plan.ClusterPlan;
import dev.clusterspec.plan.firewall.FirewallPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import dev.clusterspec.yaml.Yaml;
import dev.clusterspec.emit.AddonFixtures;
import dev.clusterspec.emit.manifests.ComponentInputs;
import dev.clusterspec.emit.manifests.ManifestComponent;
import dev.clusterspec.generate.Components;
import java.util.ArrayList;
import dev.clusterspec.plan.firewall.ExamplePlans;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class NetworkPolicyEmitterTest {

    private static Schema networkPolicy;
    private static Schema ciliumPolicy;

    @BeforeAll
    static void schemas() throws Exception {
        networkPolicy = KubernetesSchemas.networkPolicy();
        ciliumPolicy = KubernetesSchemas.ciliumNetworkPolicy();
    }

    private static PolicyDocuments seed() {
        return NetworkPolicyEmitter.documents(ExamplePlans.firewall("oci-free-tier"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"oci-free-tier", "minimal", "oci-direct"})
    void everyPolicyValidatesAgainstTheKubernetesAndCiliumSchemas(String example) {
        ComponentInputs inputs = AddonFixtures.inputs(ExamplePlans.plan(example));
        List<ManifestComponent> components = new ArrayList<>(new NetworkPoliciesComponent().manifests(inputs));
        components.addAll(new CiliumPoliciesComponent().manifests(inputs));
        assertThat(components).extracting(ManifestComponent::name).containsExactly("network-policies", "cilium-policies");
        assertThat(components.get(1).order()).isGreaterThan(components.get(0).order());
        for (ManifestComponent component : components) {
            List<JsonNode> documents = Yaml.readAll(component.yaml());
            assertThat(documents).isNotEmpty();
            for (JsonNode document : documents) {
                Schema schema = document.path("kind").asString().equals("NetworkPolicy") ? networkPolicy : ciliumPolicy;
                assertThat(KubernetesSchemas.errors(schema, document)).as(component.name() + " " + document.path("metadata")).isEmpty();
            }
        }
    }

    @Test
    void theSchemasAreStrictEnoughToCatchAMistake() {
        ObjectNode typo = (ObjectNode) seed().networkPolicies().get(0).deepCopy();
        ((ObjectNode) typo.get("spec")).set("podSelecter", typo.get("spec").get("podSelector"));
        assertThat(KubernetesSchemas.errors(networkPolicy, typo)).isNotEmpty();
        ObjectNode entity = (ObjectNode) seed().ciliumPolicies().get(0).deepCopy();
        ((ObjectNode) entity.get("spec").get("ingress").get(0)).putArray("fromEntities").add("hosts");
        assertThat(KubernetesSchemas.errors(ciliumPolicy, entity)).isNotEmpty();
    }

    @Test
    void everyApplicationNamespaceDeniesIngressAndEgressByDefault() {
        for (String ns : List.of("web", "api", "db")) {
            assertThat(seed().networkPolicies()).anySatisfy(p -> {
                assertThat(p.at("/metadata/namespace").asString()).isEqualTo(ns);
                assertThat(p.at("/metadata/name").asString()).isEqualTo("default-deny");
                assertThat(p.at("/spec/podSelector").isEmpty()).isTrue();
                assertThat(p.at("/spec/policyTypes").toString()).isEqualTo("[\"Ingress\",\"Egress\"]");
                assertThat(p.at("/spec/ingress").isMissingNode()).isTrue();
            });
        }
    }

    /** Every Namespace object the generated manifests create (repo files and inline manifests, secret ones included). */
    private static java.util.Set<String> createdNamespaces(String example) {
        ClusterPlan plan = ExamplePlans.plan(example);
        var content = AddonFixtures.repo(plan);
        List<String> texts = new java.util.ArrayList<>();
        content.files().stream().filter(f -> f.path().contains("/")).forEach(f -> texts.add(f.text()));
        content.inlineManifests().forEach(m -> texts.add(m.contents()));
        Components.secretManifests(plan, AddonFixtures.secrets(example))
                .forEach(m -> texts.add(m.contents()));
        java.util.Set<String> namespaces = new java.util.TreeSet<>();
        for (String text : texts) {
            Yaml.readAll(text).stream().filter(o -> o.path("kind").asString().equals("Namespace"))
                    .forEach(o -> namespaces.add(o.at("/metadata/name").asString()));
        }
        return namespaces;
    }

    @ParameterizedTest
    @ValueSource(strings = {"oci-free-tier", "minimal"})
    void everyNamespaceClusterspecCreatesDeniesIngressByDefault(String example) {
        java.util.Set<String> created = createdNamespaces(example);
        assertThat(created).contains("cilium-secrets");
        if (example.equals("oci-free-tier")) {
            assertThat(created).contains("tailscale", "monitoring", "web", "api", "db");
        }
        PolicyDocuments documents = NetworkPolicyEmitter.documents(ExamplePlans.firewall(example));
        // an add-on namespace keeps its egress open: no policy there may isolate egress
        assertThat(documents.networkPolicies()).filteredOn(p -> List.of("tailscale", "monitoring", "cilium-secrets")
                .contains(p.at("/metadata/namespace").asString())).allSatisfy(p -> assertThat(p.at("/spec/policyTypes").toString())
                .isEqualTo("[\"Ingress\"]"));
        for (String ns : created) {
            assertThat(documents.networkPolicies()).as("default deny in namespace " + ns).anySatisfy(p -> {
                assertThat(p.at("/metadata/namespace").asString()).isEqualTo(ns);
                assertThat(p.at("/spec/podSelector").isEmpty()).isTrue();
                assertThat(p.at("/spec/policyTypes").toString()).contains("\"Ingress\"");
                assertThat(p.at("/spec/ingress").isMissingNode()).isTrue();
            });
        }
    }

    @Test
    void theDatabaseAdmitsOnlyTheApiNamespaceAndTheApiMayLeaveForIt() {
        JsonNode ingress = policy("db", "allow-ingress-database");
        assertThat(ingress.at("/spec/podSelector/matchLabels/app").asString()).isEqualTo("database");
        assertThat(ingress.at("/spec/ingress").size()).isEqualTo(1);
        assertThat(ingress.at("/spec/ingress/0/from/0/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asString()).isEqualTo("api");
        assertThat(ingress.at("/spec/ingress/0/ports/0/port").asInt()).isEqualTo(5432);

        JsonNode egress = policy("api", "allow-egress-all-pods");
        assertThat(StreamSupport.stream(egress.at("/spec/egress").spliterator(), false))
                .anySatisfy(rule -> assertThat(rule.at("/to/0/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asString()).isEqualTo("db"));
        assertThat(StreamSupport.stream(policy("web", "allow-egress-all-pods").at("/spec/egress").spliterator(), false))
                .noneSatisfy(rule -> assertThat(rule.at("/to/0/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asString()).isEqualTo("db"));
    }

    @Test
    void nodesAreNamedThroughCiliumEntitiesWithStringPorts() {
        JsonNode health = seed().ciliumPolicies().stream()
                .filter(p -> p.at("/metadata/namespace").asString().equals("web") && p.at("/metadata/name").asString().equals("allow-from-nodes-public-web"))
                .findFirst().orElseThrow();
        assertThat(health.at("/spec/ingress/0/fromEntities/0").asString()).isEqualTo("remote-node");
        assertThat(health.at("/spec/ingress/0/toPorts/0/ports/0/port").isString()).isTrue();
        assertThat(health.at("/spec/ingress/0/toPorts/0/ports/0/port").asString()).isEqualTo("443");
        assertThat(seed().ciliumPolicies()).filteredOn(p -> p.at("/metadata/name").asString().equals("allow-from-nodes-all-pods"))
                .extracting(p -> p.at("/metadata/namespace").asString()).containsExactly("web", "api", "db", "monitoring");
        assertThat(seed().ciliumPolicies()).filteredOn(p -> p.at("/metadata/name").asString().equals("allow-from-nodes-all-pods"))
                .allSatisfy(p -> assertThat(p.at("/spec/ingress/0/fromEntities/0").asString()).isEqualTo("host"));
    }

    @Test
    void allowFromCidrsAndPodLabelsBecomeIpBlocksAndPodSelectors(@TempDir Path dir) throws Exception {
        String seed = Files.readString(Examples.spec("oci-free-tier"));
        String from = "    allowFrom:\n      - namespace: api\n";
        assertThat(seed).contains(from);
        Path spec = Examples.specBesideItsFiles("oci-free-tier", dir);
        Files.writeString(spec, seed.replace(from, from
                + "      - cidr: 192.0.2.0/24\n      - {namespace: db, podLabels: {role: backup}}\n      - {namespace: web, podLabels: {app: public-web}}\n"));
        PolicyDocuments documents = NetworkPolicyEmitter.documents(
                FirewallPlan.of(ClusterPlan.of(new SpecValidator().validate(spec).loaded())));
        for (JsonNode document : documents.networkPolicies()) {
            assertThat(KubernetesSchemas.errors(networkPolicy, document)).isEmpty();
        }
        JsonNode ingress = documents.networkPolicies().stream()
                .filter(p -> p.at("/metadata/namespace").asString().equals("db") && p.at("/metadata/name").asString().equals("allow-ingress-database"))
                .findFirst().orElseThrow();
        assertThat(ingress.at("/spec/ingress").size()).isEqualTo(4);
        assertThat(ingress.at("/spec/ingress/1/from/0/ipBlock/cidr").asString()).isEqualTo("192.0.2.0/24");
        assertThat(ingress.at("/spec/ingress/2/from/0/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asString()).isEqualTo("db");
        assertThat(ingress.at("/spec/ingress/2/from/0/podSelector/matchLabels/role").asString()).isEqualTo("backup");
        // db's own backup pods and web's public-web pods get the matching egress
        assertThat(documents.networkPolicies()).anyMatch(p -> p.at("/metadata/namespace").asString().equals("db")
                && p.at("/metadata/name").asString().equals("allow-egress-role-backup")
                && p.at("/spec/podSelector/matchLabels/role").asString().equals("backup"));
        assertThat(documents.networkPolicies()).anyMatch(p -> p.at("/metadata/namespace").asString().equals("web")
                && p.at("/metadata/name").asString().equals("allow-egress-public-web")
                && p.at("/spec/egress/0/ports/0/port").asInt() == 5432);
    }

    private static JsonNode policy(String namespace, String name) {
        return seed().networkPolicies().stream()
                .filter(p -> p.at("/metadata/namespace").asString().equals(namespace) && p.at("/metadata/name").asString().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no policy " + namespace + "/" + name));
    }
}
