package dev.clusterspec.emit.firewall;

import dev.clusterspec.emit.OutputFile;
import dev.clusterspec.emit.nftables.HostNftablesEmitter;
import dev.clusterspec.emit.oci.OciSecurityListEmitter;
import dev.clusterspec.emit.proxmox.ProxmoxFirewallEmitter;
import dev.clusterspec.plan.ClusterPlan;
import dev.clusterspec.plan.firewall.FirewallPlan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The firewall files outside the cluster: the OCI security list ({@code oci/}), the Proxmox firewall
 * ({@code proxmox/cluster.fw}, {@code proxmox/<vmid>.fw}, {@code hosts/<host>/host.fw}) and each
 * host's nftables table ({@code hosts/<host>/clusterspec.nft}). Talos rules go into the Talos configs
 * and policies into the manifest repo; both are rendered elsewhere from the same {@link FirewallPlan}.
 */
public final class FirewallEmitters {

    private FirewallEmitters() {}

    /** Sorted by path. Throws {@link dev.clusterspec.plan.firewall.FirewallException} for specs that cannot be rendered. */
    public static List<OutputFile> emit(ClusterPlan plan) {
        return emit(FirewallPlan.of(plan));
    }

    public static List<OutputFile> emit(FirewallPlan plan) {
        List<OutputFile> files = new ArrayList<>();
        files.addAll(OciSecurityListEmitter.emit(plan));
        files.addAll(ProxmoxFirewallEmitter.emit(plan));
        files.addAll(HostNftablesEmitter.emit(plan));
        files.sort(Comparator.comparing(OutputFile::path));
        return List.copyOf(files);
    }
}
