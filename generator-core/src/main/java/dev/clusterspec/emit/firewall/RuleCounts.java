package dev.clusterspec.emit.firewall;

import dev.clusterspec.emit.OutputFile;
import dev.clusterspec.emit.nftables.HostNftablesEmitter;
import dev.clusterspec.emit.oci.OciSecurityListEmitter;
import dev.clusterspec.emit.policies.NetworkPolicyEmitter;
import dev.clusterspec.emit.policies.PolicyDocuments;
import dev.clusterspec.emit.proxmox.ProxmoxFirewallEmitter;
import dev.clusterspec.plan.firewall.FirewallPlan;
import dev.clusterspec.plan.firewall.Layer;
import dev.clusterspec.spec.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How many rules each layer's rendering has (not flows: one flow can become several rules, e.g. one
 * OCI rule per source CIDR), for the report and the quota checks.
 */
public final class RuleCounts {

    /** One line of the summary: a layer, what is counted, the flows it comes from, the count. */
    public record Count(Layer layer, String what, int flows, int rules) {}

    private static final Pattern PROXMOX_RULE = Pattern.compile("^\\|?(IN|OUT|FORWARD|GROUP)\\s", Pattern.MULTILINE);
    private static final Pattern NFT_RULE = Pattern.compile(
            "^\\s+(?!type |chain |table |}|#)(?:ip |ct |iifname |oifname |counter)", Pattern.MULTILINE);

    private RuleCounts() {}

    public static List<Count> of(FirewallPlan plan) {
        List<Count> counts = new ArrayList<>();
        OciSecurityListEmitter.RuleCounts oci = OciSecurityListEmitter.counts(plan);
        int ociFlows = plan.flows(Layer.OCI_SECURITY_LIST).size();
        counts.add(new Count(Layer.OCI_SECURITY_LIST, "ingress rules", ociFlows, oci.ingress()));
        counts.add(new Count(Layer.OCI_SECURITY_LIST, "egress rules", ociFlows, oci.egress()));

        int proxmoxFlows = plan.flows(Layer.PROXMOX).size();
        for (OutputFile file : ProxmoxFirewallEmitter.emit(plan)) {
            counts.add(new Count(Layer.PROXMOX, "rules in " + file.path(), proxmoxFlows, matches(PROXMOX_RULE, file.text())));
        }
        int natFlows = plan.flows(Layer.NFTABLES_HOST).size();
        for (OutputFile file : HostNftablesEmitter.rulesets(plan)) {
            counts.add(new Count(Layer.NFTABLES_HOST, "rules in " + file.path(), natFlows, matches(NFT_RULE, file.text())));
        }
        int talosFlows = plan.flows(Layer.TALOS).size();
        for (Node node : plan.cluster().nodes()) {
            counts.add(new Count(Layer.TALOS, "NetworkRuleConfig documents of " + node.name(), talosFlows,
                    plan.ingressRules(Layer.TALOS, node).size()));
        }
        PolicyDocuments policies = NetworkPolicyEmitter.documents(plan);
        int policyFlows = plan.flows(Layer.NETWORK_POLICY).size();
        counts.add(new Count(Layer.NETWORK_POLICY, "NetworkPolicies", policyFlows, policies.networkPolicies().size()));
        counts.add(new Count(Layer.NETWORK_POLICY, "CiliumNetworkPolicies", policyFlows, policies.ciliumPolicies().size()));
        return List.copyOf(counts);
    }


    private static int matches(Pattern pattern, String text) {
        return (int) pattern.matcher(text).results().count();
    }
}
