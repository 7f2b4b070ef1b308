package dev.clusterspec.emit.oci;

import tools.jackson.databind.node.JsonNodeFactory;
import dev.clusterspec.emit.OutputFile;
import dev.clusterspec.emit.TerraformJson;
import dev.clusterspec.plan.firewall.Endpoint;
import dev.clusterspec.plan.firewall.FirewallException;
import dev.clusterspec.plan.firewall.FirewallPlan;
import dev.clusterspec.plan.firewall.Flow;
import dev.clusterspec.plan.firewall.Layer;
import dev.clusterspec.spec.Cidr;
import dev.clusterspec.spec.Oci;
import dev.clusterspec.spec.TierQuota;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders the OCI security list of the hosts' subnet (nested; the nodes' subnet in the direct
 * topology) twice: as Terraform JSON ({@code oci/security-lists.tf.json}, resource
 * {@code oci_core_security_list}) and as the {@code --from-json} input of {@code oci network
 * security-list create|update} ({@code oci/security-lists.oci-cli.json}). Rule counts per direction
 * are checked against the tier's quota before anything is written.
 */
public final class OciSecurityListEmitter {

    public static final String TERRAFORM_PATH = "oci/security-lists.tf.json";
    public static final String OCI_CLI_PATH = "oci/security-lists.oci-cli.json";
    /** The compartment of everything clusterspec creates in OCI; this file declares it for the whole module. */
    public static final String COMPARTMENT_VARIABLE = "clusterspec_compartment_id";
    /** The VCN; declared here for the whole module. */
    public static final String VCN_VARIABLE = "clusterspec_vcn_id";


    private OciSecurityListEmitter() {}

    /** How many rules the list has per direction (what the tier's quota limits). */
    public record RuleCounts(int ingress, int egress) {}

    public static RuleCounts counts(FirewallPlan plan) {
        List<SecurityListRule> rules = rulesOf(plan);
        int ingress = (int) rules.stream().filter(SecurityListRule::ingress).count();
        return new RuleCounts(ingress, rules.size() - ingress);
    }

    public static List<OutputFile> emit(FirewallPlan plan) {
        List<SecurityListRule> rules = rulesOf(plan);
        Oci oci = plan.cluster().spec().oci();
        checkQuota(rules, oci.tier(), TierQuota.of(oci.tier()));
        String displayName = displayName(plan);
        return List.of(
                OutputFile.text(TERRAFORM_PATH, write(terraform(plan, displayName, rules))),
                OutputFile.text(OCI_CLI_PATH, write(ociCli(displayName, rules))));
    }

    /** The list's rules: ingress first, then egress, each in flow order without duplicates. */
    static List<SecurityListRule> rulesOf(FirewallPlan plan) {
        Map<String, SecurityListRule> ingress = new LinkedHashMap<>();
        Map<String, SecurityListRule> egress = new LinkedHashMap<>();
        for (Flow flow : plan.flows(Layer.OCI_SECURITY_LIST)) {
            if (flow.destination() instanceof Endpoint.World) {
                add(egress, new SecurityListRule(false, Endpoint.World.ANYWHERE.toString(), flow.protocol(), flow.ports(), flow.reason()));
            } else {
                for (Cidr source : flow.source().cidrs()) {
                    add(ingress, new SecurityListRule(true, source.toString(), flow.protocol(), flow.ports(), flow.reason()));
                }
            }
        }
        List<SecurityListRule> all = new ArrayList<>(ingress.values());
        all.addAll(egress.values());
        return all;
    }

    /** Same rule twice (e.g. two services on one port): kept once, descriptions joined. */
    private static void add(Map<String, SecurityListRule> rules, SecurityListRule rule) {
        rules.merge(rule.key(), rule, (a, b) -> a.description().equals(b.description()) ? a
                : new SecurityListRule(a.ingress(), a.peer(), a.protocol(), a.ports(), a.description() + "; " + b.description()));
    }

    static void checkQuota(List<SecurityListRule> rules, Oci.Tier tier, TierQuota quota) {
        long ingress = rules.stream().filter(SecurityListRule::ingress).count();
        long egress = rules.size() - ingress;
        int limit = quota.securityListRulesPerDirection();
        List<String> over = new ArrayList<>();
        if (ingress > limit) {
            over.add(ingress + " ingress rules");
        }
        if (egress > limit) {
            over.add(egress + " egress rules");
        }
        if (!over.isEmpty()) {
            throw new FirewallException("the OCI security list needs " + String.join(" and ", over) + " but the "
                    + tier.id() + " tier allows at most " + limit + " per direction: use fewer public ports,"
                    + " fewer firewall.admins or nodeIngress sources, or wider CIDRs");
        }
    }

    static String displayName(FirewallPlan plan) {
        return plan.cluster().name() + (plan.cluster().nested() ? "-proxmox-hosts" : "-talos-nodes");
    }

    private static ObjectNode terraform(FirewallPlan plan, String displayName, List<SecurityListRule> rules) {
        ObjectNode root = TerraformJson.root("Generated by clusterspec from cluster.yaml (cluster " + plan.cluster().name() + "); do not edit."
                + " Attach the list to the subnet " + plan.cluster().spec().oci().vcn().subnet() + " (the only list there:"
                + " OCI unions all lists of a subnet). A bastion in the same subnet needs its own ingress on an NSG.");
        TerraformJson.variable(root, COMPARTMENT_VARIABLE, "string", "OCID of the compartment of the VCN");
        TerraformJson.variable(root, VCN_VARIABLE, "string", "OCID of the VCN");
        ObjectNode list = TerraformJson.resource(root, "oci_core_security_list", resourceName(plan));
        list.put("compartment_id", TerraformJson.var(COMPARTMENT_VARIABLE));
        list.put("vcn_id", TerraformJson.var(VCN_VARIABLE));
        list.put("display_name", displayName);
        ArrayNode ingress = list.putArray("ingress_security_rules");
        ArrayNode egress = list.putArray("egress_security_rules");
        for (SecurityListRule rule : rules) {
            ObjectNode r = (rule.ingress() ? ingress : egress).addObject();
            r.put("description", rule.description());
            r.put("protocol", rule.ociProtocol());
            r.put(rule.ingress() ? "source" : "destination", rule.peer());
            r.put(rule.ingress() ? "source_type" : "destination_type", "CIDR_BLOCK");
            r.put("stateless", false);
            if (rule.hasPortRange()) {
                // Terraform flattens the destination port range into min/max of tcp_options/udp_options
                r.putObject(rule.protocol().id() + "_options").put("min", rule.ports().from()).put("max", rule.ports().to());
            }
        }
        return root;
    }

    private static ObjectNode ociCli(String displayName, List<SecurityListRule> rules) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("displayName", displayName);
        ArrayNode ingress = root.putArray("ingressSecurityRules");
        ArrayNode egress = root.putArray("egressSecurityRules");
        for (SecurityListRule rule : rules) {
            ObjectNode r = (rule.ingress() ? ingress : egress).addObject();
            r.put("description", rule.description());
            r.put("protocol", rule.ociProtocol());
            r.put(rule.ingress() ? "source" : "destination", rule.peer());
            r.put(rule.ingress() ? "sourceType" : "destinationType", "CIDR_BLOCK");
            r.put("isStateless", false);
            if (rule.hasPortRange()) {
                r.putObject(rule.protocol().id() + "Options").putObject("destinationPortRange")
                        .put("min", rule.ports().from()).put("max", rule.ports().to());
            }
        }
        return root;
    }

    private static String resourceName(FirewallPlan plan) {
        return resourceName(plan.cluster().name(), plan.cluster().nested());
    }

    /** The list's Terraform resource name, for commands that read its OCID from the state. */
    public static String resourceName(String cluster, boolean nested) {
        return "clusterspec_" + cluster.replace('-', '_') + (nested ? "_proxmox_hosts" : "_talos_nodes");
    }

    private static String write(ObjectNode node) {
        return TerraformJson.write(node);
    }
}
