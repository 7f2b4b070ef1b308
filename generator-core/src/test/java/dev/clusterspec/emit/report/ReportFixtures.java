package dev.clusterspec.emit.report;

import dev.clusterspec.Examples;
import dev.clusterspec.check.SpecValidator;
import dev.clusterspec.emit.OutputFile;
import dev.clusterspec.emit.manifests.InlineManifest;
import dev.clusterspec.emit.manifests.ManifestComponent;
import dev.clusterspec.emit.manifests.ManifestRef;
import dev.clusterspec.emit.manifests.ManifestRepoContent;
import dev.clusterspec.emit.AddonFixtures;
import dev.clusterspec.emit.manifests.Component;
import dev.clusterspec.emit.manifests.ComponentInputs;
import dev.clusterspec.emit.policies.CiliumPoliciesComponent;
import dev.clusterspec.emit.policies.NetworkPoliciesComponent;
import dev.clusterspec.emit.usermanifests.UserManifestsComponent;
import dev.clusterspec.emit.policies.NetworkPolicyEmitter;
import dev.clusterspec.emit.policies.PolicyConnectivity;
import dev.clusterspec.load.Diagnostic;
import dev.clusterspec.load.manifests.UserManifests;
import dev.clusterspec.plan.firewall.FirewallPlan;
import dev.clusterspec.load.patches.TalosPatches;
import dev.clusterspec.plan.ClusterPlan;
import dev.clusterspec.spec.ClusterSpec;
import dev.clusterspec.spec.ControlPlane;
import dev.clusterspec.spec.Ip;
import dev.clusterspec.spec.Network;
import dev.clusterspec.spec.Node;
import dev.clusterspec.spec.Oci;
import dev.clusterspec.spec.ReachabilityAssertion;
import dev.clusterspec.spec.Topology;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Report inputs for the examples. The manifest repo is assembled here from a few components (the generated
 * network policies, the spec's own manifests) the way the manifest-repo emitter lays files out:
 * content-addressed paths, raw URLs from the plan, plus a small inline CNI manifest and an inline Secret.
 */
final class ReportFixtures {

    private ReportFixtures() {}

    static ReportInputs inputs(String example) {
        SpecValidator.Validated validated = new SpecValidator().validate(Examples.spec(example));
        ClusterPlan plan = ClusterPlan.of(validated.loaded());
        return inputs(plan, validated.warnings(), manifests(plan)).withTalosPatches(plan.talosPatches().uses(plan.nodes()));
    }

    /**
     * Inputs with the firewall plan derived from {@code plan} and the connectivity of its policies,
     * generated and the user's own (when the plan has a spec folder to read them from); no Talos config sizes.
     */
    static ReportInputs inputs(ClusterPlan plan, List<Diagnostic> warnings, ManifestRepoContent manifests) {
        FirewallPlan firewall = FirewallPlan.of(plan);
        UserManifests user = plan.source().isPresent() ? plan.userManifests() : UserManifests.none();
        return new ReportInputs(plan, warnings, firewall,
                PolicyConnectivity.analyse(plan, NetworkPolicyEmitter.documents(firewall), user.connectivityObjects()),
                manifests, List.of(), List.of(), user.files());
    }

    static ClusterPlan plan(String example) {
        return ClusterPlan.of(new SpecValidator().validate(Examples.spec(example)).loaded());
    }

    /** The same cluster under another name and region: values the schema would refuse, to test escaping. */
    static ClusterPlan renamed(ClusterPlan plan, String name, String region) {
        ClusterSpec s = plan.spec();
        Oci oci = new Oci(region, s.oci().tier(), s.oci().reservedIps(), s.oci().vcn());
        return ClusterPlan.of(new ClusterSpec(s.apiVersion(), s.kind(), new ClusterSpec.Metadata(name), s.versions(), s.topology(),
                oci, s.bastion(), s.proxmox(), s.network(), s.controlPlane(), s.nodes(), s.talos(), s.addons(), s.namespaces(), s.services(),
                s.firewall(), s.manifestRepo(), s.secrets(), s.assertions(), s.manifests()), plan.specSha256());
    }

    /** The same cluster with other reachability assertions. */
    static ClusterPlan withAssertions(ClusterPlan plan, List<ReachabilityAssertion> assertions) {
        ClusterSpec s = plan.spec();
        return ClusterPlan.of(new ClusterSpec(s.apiVersion(), s.kind(), s.metadata(), s.versions(), s.topology(), s.oci(), s.bastion(),
                s.proxmox(), s.network(), s.controlPlane(), s.nodes(), s.talos(), s.addons(), s.namespaces(), s.services(), s.firewall(),
                s.manifestRepo(), s.secrets(), assertions, s.manifests()), plan.specSha256());
    }

    /**
     * The example as the direct topology: no Proxmox, the nodes as OCI instances in the VCN subnet
     * (addresses moved from the bridge into the subnet), an API load balancer instead of the VIP, no
     * LoadBalancer pools.
     */
    static ClusterPlan direct(ClusterPlan plan) {
        ClusterSpec s = plan.spec();
        List<Node> nodes = s.nodes().stream()
                .map(n -> new Node(n.name(), n.role(), null, null, inSubnet(n.ip()), n.installDisk(), n.ocpus(), n.memoryGb(), n.patches())).toList();
        // the VIP's address becomes the API load balancer's, which takes its place in the direct topology
        ControlPlane cp = new ControlPlane(null, s.controlPlane().port(), s.controlPlane().endpointHost(),
                new ControlPlane.ApiLoadBalancer(inSubnet(s.controlPlane().vip()), null));
        Network net = new Network(s.network().pods(), s.network().services(), s.network().tailnet(), s.network().clusterDomain(),
                s.network().nameservers(), s.network().timeServers(), List.of());
        return ClusterPlan.of(new ClusterSpec(s.apiVersion(), s.kind(), s.metadata(), s.versions(), Topology.DIRECT, s.oci(), s.bastion(),
                null, net, cp, nodes, s.talos(), s.addons(), s.namespaces(), s.services(), s.firewall(), s.manifestRepo(), s.secrets(), s.assertions(), s.manifests()),
                plan.specSha256());
    }

    /** 10.0.0.x of the bridge becomes 10.1.0.(100 + x) of the example's VCN subnet. */
    private static Ip inSubnet(Ip bridgeAddress) {
        String[] octets = bridgeAddress.toString().split("\\.");
        return Ip.of("10.1.0." + (100 + Integer.parseInt(octets[3])));
    }

    static ManifestRepoContent manifests(ClusterPlan plan) {
        List<OutputFile> files = new ArrayList<>();
        List<ManifestRef> refs = new ArrayList<>();
        ComponentInputs componentInputs = AddonFixtures.inputs(plan);
        List<ManifestComponent> components = new ArrayList<>();
        List<Component> parts = new ArrayList<>(List.of(new NetworkPoliciesComponent(), new CiliumPoliciesComponent()));
        // the spec's own manifests, when the plan has the spec's folder to read them from
        if (plan.source().isPresent()) {
            parts.add(new UserManifestsComponent());
        }
        parts.forEach(component -> components.addAll(component.manifests(componentInputs)));
        components.sort(java.util.Comparator.comparingInt(ManifestComponent::order));
        List<InlineManifest> inline = new ArrayList<>();
        for (ManifestComponent component : components) {
            if (plan.manifestRepo().isEmpty()) {
                // without a manifest repo everything travels inline in the control-plane configs
                inline.add(new InlineManifest(component.name(), component.yaml(), false));
                continue;
            }
            byte[] bytes = component.yaml().getBytes(StandardCharsets.UTF_8);
            String sha = sha256(bytes);
            String path = component.order() + "-" + component.name() + "/" + sha.substring(0, 12) + ".yaml";
            files.add(new OutputFile(path, bytes, false));
            refs.add(new ManifestRef(component.name(), path, plan.manifestUrl(path).orElseThrow(), sha, bytes.length));
        }
        files.add(OutputFile.text("README.md", "# Manifests of " + plan.name() + "\n"));
        inline.add(0, new InlineManifest("cilium", """
                        apiVersion: v1
                        kind: ServiceAccount
                        metadata:
                          name: cilium
                          namespace: kube-system
                        ---
                        apiVersion: v1
                        kind: ConfigMap
                        metadata:
                          name: cilium-config
                          namespace: kube-system
                        data:
                          kube-proxy-replacement: "true"
                        """, false));
        inline.add(new InlineManifest("tailscale-oauth", """
                        apiVersion: v1
                        kind: Secret
                        metadata:
                          name: operator-oauth
                          namespace: tailscale
                        stringData:
                          client_id: demo
                          client_secret: demo
                        """, true));
        return new ManifestRepoContent(files, refs, inline);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
