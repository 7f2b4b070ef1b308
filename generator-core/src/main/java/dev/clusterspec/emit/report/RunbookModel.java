package dev.clusterspec.emit.report;

import dev.clusterspec.emit.bastion.SshConfigEmitter;
import dev.clusterspec.emit.image.TalosImageEmitter;
import dev.clusterspec.emit.oci.BastionNsgEmitter;
import dev.clusterspec.emit.oci.OciSecurityListEmitter;
import dev.clusterspec.emit.policies.NetworkPolicyEmitter;
import dev.clusterspec.emit.policies.PolicyDocuments;
import dev.clusterspec.plan.ClusterPlan;
import dev.clusterspec.plan.TalosImage;
import dev.clusterspec.plan.firewall.FirewallPlan;
import dev.clusterspec.spec.Addons;
import dev.clusterspec.spec.Node;
import dev.clusterspec.spec.ServiceSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The values the runbook templates fill in that both topologies have; {@link NestedRunbook},
 * {@link DirectRunbook} and {@link ExposureChecks} add their own. Only values: the words and the
 * command shapes are in the templates.
 */
final class RunbookModel {

    /** Where the Talos emitter writes the node configs and the talosconfig. */
    private static final String TALOS_FOLDER = "talos/";

    private RunbookModel() {}

    static Map<String, Object> of(ReportInputs inputs, int warningCount) {
        ClusterPlan plan = inputs.plan();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("nested", plan.nested());
        m.put("warningCount", warningCount);
        m.put("cluster", plan.name());
        m.put("kubernetesVersion", plan.spec().versions().kubernetes());
        m.put("talosconfig", TALOS_FOLDER + "talosconfig");
        m.put("nodeNetwork", plan.nodeNetwork().toString());
        m.put("endpointUrl", plan.endpointUrl());
        m.put("adminApiUrl", plan.adminApiUrl());
        m.put("nodes", nodes(plan.nodes()));
        m.put("controlPlanes", nodes(plan.controlPlanes()));
        m.put("workers", nodes(plan.workers()));
        m.put("image", image(plan.talosImage()));
        m.put("compartmentVariable", OciSecurityListEmitter.COMPARTMENT_VARIABLE);
        m.put("vcnVariable", OciSecurityListEmitter.VCN_VARIABLE);
        m.putAll(bastion(plan));
        m.put("manifests", manifests(inputs));
        m.put("loadBalancerPools", plan.spec().network().loadBalancerPools().stream()
                .map(p -> Map.of("name", p.name(), "cidr", p.cidr().toString())).toList());
        Addons.Cilium cilium = plan.spec().addons().cilium();
        m.put("hubbleRelay", cilium != null && cilium.hubble() != null && cilium.hubble().enabled() && cilium.hubble().relay());
        m.put("ccm", ccm(plan));
        if (ExposureSection.tailscaleOn(plan)) {
            m.put("tailscale", Map.of("operatorHostname", operatorHostname(plan)));
        }
        m.put("policies", policies(inputs.firewall()));
        m.put("services", plan.spec().services().stream().map(RunbookModel::workload).toList());
        return m;
    }

    static String operatorHostname(ClusterPlan plan) {
        String configured = plan.spec().addons().tailscale().operatorHostname();
        return configured != null ? configured : plan.name() + "-operator";
    }

    private static List<Map<String, Object>> nodes(List<Node> nodes) {
        return nodes.stream().map(n -> Map.<String, Object>of("name", n.name(), "ip", n.ip().toString(),
                "config", TALOS_FOLDER + n.name() + ".yaml")).toList();
    }

    private static Map<String, Object> image(TalosImage image) {
        return Map.of(
                "talosVersion", image.talosVersion(),
                "architecture", image.architecture(),
                "schematic", image.schematicId().substring(0, 12),
                "schematicPath", TalosImageEmitter.PATH,
                "url", image.bootImageUrl(),
                "file", image.bootImageName(),
                // OCI imports a stream-optimized VMDK, not the qcow2 Image Factory serves
                "vmdk", image.bootImageName().replaceFirst("\\.qcow2$", ".vmdk"));
    }

    /** How commands reach the bastion, when the spec has one: SSH to anything in the VCN goes through it. */
    private static Map<String, Object> bastion(ClusterPlan plan) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("bastion", plan.spec().bastion() != null);
        plan.spec().bastionIfAny().ifPresent(b -> {
            m.put("bastionIp", b.privateIp().toString());
            m.put("bastionAlias", SshConfigEmitter.bastionAlias(plan));
            m.put("bastionNsgResource", "oci_core_network_security_group." + BastionNsgEmitter.resourceName(plan));
            m.put("bastionNsgPath", BastionNsgEmitter.PATH);
            m.put("sshConfig", SshConfigEmitter.PATH);
        });
        return m;
    }

    private static Map<String, Object> manifests(ReportInputs inputs) {
        // pinned upstream files (path null) are fetched from upstream: only the repo's own files need publishing
        long repoFiles = inputs.manifests().urlManifests().stream().filter(m -> m.path() != null).count();
        return Map.of("urlCount", inputs.manifests().urlManifests().size(), "publish", repoFiles > 0);
    }

    private static Map<String, Object> ccm(ClusterPlan plan) {
        Addons.OciCcm ccm = plan.spec().addons().ociCcm();
        if (ccm == null || !ccm.enabled()) {
            return Map.of("enabled", false);
        }
        // in mode full the CCM's node controllers initialise the nodes (direct only: it never runs nested)
        return Map.of("enabled", true, "mode", ccm.mode().id(), "initialisesNodes", !plan.nested() && ccm.mode() == Addons.OciCcm.Mode.FULL);
    }

    private static Map<String, Object> policies(FirewallPlan firewall) {
        PolicyDocuments policies = NetworkPolicyEmitter.documents(firewall);
        return Map.of("networkPolicies", policies.networkPolicies().size(), "ciliumPolicies", policies.ciliumPolicies().size());
    }

    /** What a service's pods must carry and listen on for the policies to select them. */
    private static Map<String, Object> workload(ServiceSpec s) {
        return Map.of("namespace", s.namespace(), "name", s.name(), "labels", ExposureSection.selector(s.selector()),
                "ports", s.ports().stream().map(p -> Map.of("number", p.targetPort(), "protocol", p.protocol().name().toLowerCase(Locale.ROOT))).toList());
    }
}
