package dev.clusterspec.emit.oci;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterspec.check.SpecValidator;
import dev.clusterspec.emit.AddonFixtures;
import dev.clusterspec.emit.OutputFile;
import dev.clusterspec.emit.firewall.FirewallEmitters;
import dev.clusterspec.plan.ClusterPlan;
import dev.clusterspec.plan.firewall.ExamplePlans;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Terraform of {@code oci/}: every attribute written is one terraform-provider-oci declares (the
 * fixture {@link ProviderSchema} reads), and what the OCI side must get right for Talos and the CCM to
 * work. The files' golden copies are the oci-direct example's whole output (ExampleOutputsGoldenTest).
 */
class OciTerraformTest {

    private static final ProviderSchema SCHEMA = ProviderSchema.load();

    /** The examples and the direct test specs: every shape of oci/ the generator writes. */
    static Stream<String> modules() {
        return Stream.concat(ExamplePlans.ALL.stream(), Stream.of("test:direct-ccm", "test:direct-ccm-service-only", "test:firewall-direct"));
    }

    private static ClusterPlan plan(String module) {
        return switch (module) {
            case "test:direct-ccm", "test:direct-ccm-service-only" -> AddonFixtures.testPlan(module.substring(5));
            case "test:firewall-direct" -> ClusterPlan.of(new SpecValidator().validate(Path.of("src/test/resources/firewall/direct/cluster.yaml")
                    .toAbsolutePath()).loaded());
            default -> ExamplePlans.plan(module);
        };
    }

    /** The Terraform files of {@code oci/}, parsed. */
    static Map<String, JsonNode> terraform(ClusterPlan plan) {
        Map<String, JsonNode> files = new TreeMap<>();
        Stream.of(FirewallEmitters.emit(plan), OciTerraformEmitters.emit(plan), BastionNsgEmitter.emit(plan)).flatMap(List::stream)
                .filter(f -> f.path().endsWith(".tf.json"))
                .forEach(f -> files.put(f.path(), JsonMapper.shared().readTree(f.text())));
        return files;
    }

    @ParameterizedTest
    @MethodSource("modules")
    void everyAttributeIsTheProvidersAndEveryReferenceResolves(String module) {
        Map<String, JsonNode> files = terraform(plan(module));
        assertThat(files).isNotEmpty();
        assertThat(SCHEMA.problems(files)).as(module).isEmpty();
    }

    @Test
    void theCheckFindsWhatTheProviderWouldRefuse() {
        Map<String, JsonNode> files = terraform(ExamplePlans.plan("oci-direct"));
        ObjectNode instance = (ObjectNode) files.get(OciInstancesEmitter.PATH).at("/resource/oci_core_instance/cp-1");
        instance.put("user_data", "x");                                            // not an attribute of the resource
        instance.put("public_ip", "203.0.113.9");                                   // computed: the provider fills it
        ((ObjectNode) instance.get("create_vnic_details")).put("assign_public_ip", false); // the provider's type is string
        instance.remove("compartment_id");                                          // required
        ((ObjectNode) instance.get("source_details")).put("source_id", "${var.clusterspec_nothing}");
        ObjectNode backend = (ObjectNode) files.get(ApiLoadBalancerEmitter.PATH).at("/resource/oci_network_load_balancer_backend/apid-cp-1");
        backend.put("target_id", "${oci_core_instance.cp-9.id}");
        assertThat(SCHEMA.problems(files)).containsExactlyInAnyOrder(
                "oci/instances.tf.json: oci_core_instance.cp-1: user_data is not an attribute of the provider's schema",
                "oci/instances.tf.json: oci_core_instance.cp-1: public_ip is computed by the provider and cannot be set",
                "oci/instances.tf.json: oci_core_instance.cp-1: create_vnic_details.assign_public_ip is of type string, written as false",
                "oci/instances.tf.json: oci_core_instance.cp-1: required compartment_id is missing",
                "oci/instances.tf.json: var.clusterspec_nothing is not declared in the module",
                "oci/api-nlb.tf.json: oci_core_instance.cp-9.id names no resource of the module");
    }

    @Test
    void theFixtureHoldsTheTypesWeWriteWithTheirProviderRelease() throws Exception {
        String text = Files.readString(ProviderSchema.FIXTURE);
        assertThat(text).contains("v8.28.0").contains("8de3c480b4bf");
        for (String type : List.of("oci_core_instance", "oci_core_security_list", "oci_core_network_security_group",
                "oci_core_network_security_group_security_rule", "oci_identity_dynamic_group", "oci_identity_policy",
                "oci_network_load_balancer_network_load_balancer", "oci_network_load_balancer_backend_set",
                "oci_network_load_balancer_listener", "oci_network_load_balancer_backend")) {
            assertThat(SCHEMA.type(type)).as(type).isPresent();
        }
    }

    @Test
    void directTopologyWritesItsThreeFilesTheSameEachTimeAndNestedNone() {
        Map<String, String> files = new TreeMap<>();
        OciTerraformEmitters.emit(ExamplePlans.plan("oci-direct")).forEach(f -> files.put(f.path(), f.text()));
        assertThat(files).containsOnlyKeys(OciInstancesEmitter.PATH, ApiLoadBalancerEmitter.PATH, CcmIamEmitter.PATH);
        ClusterPlan again = ClusterPlan.of(new SpecValidator().validate(dev.clusterspec.Examples.spec("oci-direct")).loaded());
        assertThat(OciTerraformEmitters.emit(again).stream().sorted(java.util.Comparator.comparing(OutputFile::path)).map(OutputFile::text).toList())
                .as("deterministic").isEqualTo(List.copyOf(files.values()));
        assertThat(OciTerraformEmitters.emit(ExamplePlans.plan("oci-free-tier"))).as("nested: the hosts are the user's").isEmpty();
    }

    @Test
    void instancesAreNamedAsTheCcmLooksThemUpAndCarryNoSecret() {
        ClusterPlan plan = ExamplePlans.plan("oci-direct");
        JsonNode instances = terraform(plan).get(OciInstancesEmitter.PATH).at("/resource/oci_core_instance");
        assertThat(instances.propertyNames()).containsExactlyElementsOf(plan.nodes().stream().map(n -> n.name()).toList());
        for (var node : plan.nodes()) {
            JsonNode instance = instances.get(node.name());
            // display name = VNIC hostname label = Talos hostname: how the CCM maps a node to its instance
            assertThat(instance.get("display_name").asString()).isEqualTo(node.name());
            assertThat(instance.at("/create_vnic_details/hostname_label").asString()).isEqualTo(node.name());
            assertThat(instance.at("/create_vnic_details/private_ip").asString()).isEqualTo(node.ip().toString());
            assertThat(instance.get("shape").asString()).isEqualTo("VM.Standard.A1.Flex");
            assertThat(instance.at("/shape_config/ocpus").asInt()).isEqualTo(node.ocpus());
            assertThat(instance.at("/shape_config/memory_in_gbs").asInt()).isEqualTo(node.memoryGb());
            // no user data: the config, with its keys, is applied in maintenance mode and never reaches the Terraform state
            assertThat(instance.has("metadata")).isFalse();
            assertThat(instance.has("extended_metadata")).isFalse();
        }
        // control planes spread over the fault domains
        assertThat(plan.controlPlanes().stream().map(n -> instances.get(n.name()).get("fault_domain").asString()))
                .containsExactly("FAULT-DOMAIN-1", "FAULT-DOMAIN-2", "FAULT-DOMAIN-3");
    }

    @Test
    void theApiLoadBalancerForwardsBothPortsToEveryControlPlaneWithoutPreservingSources() {
        ClusterPlan plan = ExamplePlans.plan("oci-direct");
        JsonNode root = terraform(plan).get(ApiLoadBalancerEmitter.PATH).path("resource");
        JsonNode nlb = root.at("/oci_network_load_balancer_network_load_balancer/api");
        assertThat(nlb.get("is_private").asBoolean(true)).isFalse();
        assertThat(nlb.get("assigned_private_ipv4").asString()).isEqualTo(plan.apiLoadBalancer().orElseThrow().privateIp().toString());
        JsonNode sets = root.get("oci_network_load_balancer_backend_set");
        assertThat(sets.at("/kube-apiserver/health_checker/protocol").asString()).isEqualTo("HTTPS");
        assertThat(sets.at("/kube-apiserver/health_checker/url_path").asString()).isEqualTo("/readyz");
        assertThat(sets.at("/kube-apiserver/health_checker/return_code").asInt()).as("anonymous-auth is off").isEqualTo(401);
        assertThat(sets.at("/apid/health_checker/protocol").asString()).isEqualTo("TCP");
        sets.forEach(set -> assertThat(set.get("is_preserve_source").asBoolean(true)).isFalse());
        assertThat(root.get("oci_network_load_balancer_listener")).extracting(l -> l.get("port").asInt()).containsExactly(6443, 50000);
        JsonNode backends = root.get("oci_network_load_balancer_backend");
        assertThat(backends.size()).isEqualTo(2 * plan.controlPlanes().size());
        for (var cp : plan.controlPlanes()) {
            assertThat(backends.at("/kube-apiserver-" + cp.name() + "/target_id").asString()).isEqualTo("${oci_core_instance." + cp.name() + ".id}");
        }
    }

    @Test
    void theCcmsDynamicGroupHoldsTheControlPlanesOnly() {
        ClusterPlan plan = ExamplePlans.plan("oci-direct");
        JsonNode iam = terraform(plan).get(CcmIamEmitter.PATH).path("resource");
        String rule = iam.at("/oci_identity_dynamic_group/oci-ccm/matching_rule").asString();
        for (var node : plan.nodes()) {
            assertThat(rule.contains("${oci_core_instance." + node.name() + ".id}")).as(node.name()).isEqualTo(node.isControlPlane());
        }
        assertThat(iam.at("/oci_identity_policy/oci-ccm/statements")).extracting(JsonNode::asString).allSatisfy(s -> assertThat(s)
                .startsWith("Allow dynamic-group id ${oci_identity_dynamic_group.oci-ccm.id} to ")
                .endsWith(" in compartment id ${var.clusterspec_compartment_id}"));
        // with an API key there is no instance principal to grant anything to
        assertThat(CcmIamEmitter.emit(AddonFixtures.testPlan("direct-ccm"))).isEmpty();
    }
}
