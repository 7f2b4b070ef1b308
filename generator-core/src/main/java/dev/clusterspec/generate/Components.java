package dev.clusterspec.generate;

import dev.clusterspec.emit.cilium.CiliumInstall;
import dev.clusterspec.emit.cilium.CiliumLoadBalancing;
import dev.clusterspec.emit.manifests.Component;
import dev.clusterspec.emit.manifests.InlineManifest;
import dev.clusterspec.emit.monitoring.AlloyComponent;
import dev.clusterspec.emit.ociccm.OciCcmComponent;
import dev.clusterspec.emit.policies.CiliumPoliciesComponent;
import dev.clusterspec.emit.policies.NetworkPoliciesComponent;
import dev.clusterspec.emit.tailscale.TailscaleCrds;
import dev.clusterspec.emit.tailscale.TailscaleOperator;
import dev.clusterspec.emit.usermanifests.UserManifestsComponent;
import dev.clusterspec.emit.workloads.NamespacesComponent;
import dev.clusterspec.emit.workloads.ServicesComponent;
import dev.clusterspec.load.SecretResolver;
import dev.clusterspec.plan.ClusterPlan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Every component of the manifest repo, in the order Talos applies them. A new add-on is one
 * {@link Component} and one line here; nothing else names it.
 */
public final class Components {

    public static final List<Component> ALL = List.of(
            new CiliumInstall(),
            new NamespacesComponent(),
            new TailscaleCrds(),
            new TailscaleOperator(),
            new OciCcmComponent(),
            new AlloyComponent(),
            new ServicesComponent(),
            new CiliumLoadBalancing(),
            new NetworkPoliciesComponent(),
            new CiliumPoliciesComponent(),
            new UserManifestsComponent());

    private Components() {}

    /** The components' Secret objects for the control-plane configs, by name. */
    public static List<InlineManifest> secretManifests(ClusterPlan plan, SecretResolver secrets) {
        List<InlineManifest> out = new ArrayList<>();
        ALL.forEach(c -> out.addAll(c.secretManifests(plan, secrets)));
        out.sort(Comparator.comparing(InlineManifest::name));
        return List.copyOf(out);
    }
}
