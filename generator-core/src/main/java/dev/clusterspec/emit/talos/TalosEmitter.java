package dev.clusterspec.emit.talos;

import dev.clusterspec.emit.OutputFile;
import dev.clusterspec.yaml.Yaml;
import dev.clusterspec.emit.manifests.InlineManifest;
import dev.clusterspec.emit.manifests.ManifestRepoContent;
import dev.clusterspec.load.bundle.SecretsBundle;
import dev.clusterspec.plan.ClusterPlan;
import dev.clusterspec.plan.firewall.FirewallPlan;
import dev.clusterspec.plan.firewall.Layer;
import dev.clusterspec.spec.Node;
import dev.clusterspec.load.SecretResolver;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;
import dev.clusterspec.load.patches.TalosPatches;

/**
 * The Talos outputs: {@code talos/<node>.yaml}, the multi-document machine config of every node for
 * the 1.12/1.13 contract, and {@code talos/talosconfig}, the talosctl client config with an
 * {@code os:admin} certificate. Both hold key material and are marked secret.
 *
 * <p>A node's config is, in this order: the v1alpha1 document; its network documents (hostname, link,
 * VIP on control planes, resolvers, time sync); its ingress firewall (default block, then one rule per
 * allowed flow). The spec's Talos patches then apply to it ({@link TalosPatches}: all nodes, role,
 * node). The same plan, bundle, manifests and patches give byte-identical configs.
 */
public final class TalosEmitter {

    private final Clock clock;

    /** An emitter whose talosconfig certificate is issued for the current time. */
    public TalosEmitter() {
        this(Clock.systemUTC());
    }

    /**
     * @param clock picks the validity window of the talosconfig client certificate (reproducible
     *     within one window); the node configs do not depend on it
     */
    public TalosEmitter(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param manifests the manifest repo's URL manifests (in apply order) and non-secret inline manifests
     * @param secretInlineManifests Secret objects for the control planes' {@code inlineManifests}
     * @param secrets resolves the manifest repo's fetch token, read only when URL manifests exist
     */
    public List<OutputFile> emit(ClusterPlan plan, SecretsBundle bundle, ManifestRepoContent manifests,
            List<InlineManifest> secretInlineManifests, SecretResolver secrets) {
        return emit(plan, FirewallPlan.of(plan), bundle, manifests, secretInlineManifests, secrets);
    }

    /** As above, with the firewall plan the other firewall emitters render too (derived from {@code plan}). */
    public List<OutputFile> emit(ClusterPlan plan, FirewallPlan firewallPlan, SecretsBundle bundle, ManifestRepoContent manifests,
            List<InlineManifest> secretInlineManifests, SecretResolver secrets) {
        if (firewallPlan.cluster() != plan) {
            throw new IllegalArgumentException("the firewall plan was derived from another cluster plan");
        }
        ConfigInputs inputs = new ConfigInputs(plan, bundle, TalosImages.of(plan.spec().versions()),
                ControlPlaneManifests.of(plan, manifests, secretInlineManifests, secrets));
        TalosPatches patches = plan.talosPatches();
        PatchApplication patching = new PatchApplication(plan.fetchTokenScope());
        // each node's config depends on the shared inputs only: rendered side by side, kept in node order,
        // and written as soon as it is patched, so that only a few nodes' trees are held at a time
        FirewallDocumentCache firewall = new FirewallDocumentCache();
        List<NodeConfig> configs = plan.nodes().parallelStream().map(node -> {
            PatchApplication.Patched patched = patching.apply(node, documents(inputs, firewallPlan, node, firewall), patches.forNode(node));
            return patched.problem().isPresent()
                    ? new NodeConfig(null, Optional.of(new PatchApplication.Failure(node, patched.problem().get())))
                    : new NodeConfig(OutputFile.secretText("talos/" + node.name() + ".yaml", firewall.writeAll(patched.documents())), Optional.empty());
        }).toList();
        PatchApplication.throwIfAnyFailed(configs.stream().flatMap(c -> c.failure().stream()).toList());
        List<OutputFile> out = new ArrayList<>(configs.stream().map(NodeConfig::file).toList());
        out.add(OutputFile.secretText("talos/talosconfig", talosconfig(plan, bundle)));
        return List.copyOf(out);
    }

    /** A node's config file, or why its patches could not apply. */
    private record NodeConfig(OutputFile file, Optional<PatchApplication.Failure> failure) {}

    static List<ObjectNode> documents(ConfigInputs inputs, FirewallPlan firewall, Node node, FirewallDocumentCache firewallDocuments) {
        List<ObjectNode> documents = new ArrayList<>();
        documents.add(v1alpha1(inputs, node));
        documents.addAll(NetworkDocuments.render(inputs.plan(), node));
        documents.addAll(firewallDocuments.documents(firewall.ingressRules(Layer.TALOS, node)));
        return documents;
    }

    /**
     * The legacy document ({@code version}, no {@code kind}), still the heart of the config up to 1.13.
     * {@code persist} is not written: 1.12 deprecated it as unsupported, its absence means true, and the
     * published schema rejects the key.
     */
    static ObjectNode v1alpha1(ConfigInputs inputs, Node node) {
        ObjectNode document = Yaml.object();
        document.put("version", "v1alpha1");
        document.put("debug", false);
        MachineSection.render(inputs, node, document);
        ClusterSection.render(inputs, node, document);
        return document;
    }

    /**
     * talosctl talks to apid on the control planes (not the VIP, which moves and is gone while etcd is
     * down), or to the API load balancer's apid listener (direct: the control planes' private IPs are
     * out of reach from outside the VCN). No default target nodes: a bare {@code talosctl reboot} must
     * not hit every machine at once.
     */
    private String talosconfig(ClusterPlan plan, SecretsBundle bundle) {
        return TalosconfigEmitter.render(plan.name(), plan.talosEndpoints(), List.of(), bundle, clock);
    }
}
