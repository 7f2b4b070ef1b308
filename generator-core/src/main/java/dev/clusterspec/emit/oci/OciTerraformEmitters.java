package dev.clusterspec.emit.oci;

import dev.clusterspec.emit.OutputFile;
import dev.clusterspec.plan.ClusterPlan;
import java.util.ArrayList;
import java.util.List;

/**
 * The OCI resources of topology direct beside the security list: the Talos instances, the API's network
 * load balancer and the CCM's identity, one Terraform root module with the security list's file in
 * {@code oci/}. Nested clusters get none of them (the Proxmox hosts are the user's own instances).
 */
public final class OciTerraformEmitters {

    private OciTerraformEmitters() {}

    public static List<OutputFile> emit(ClusterPlan plan) {
        List<OutputFile> files = new ArrayList<>();
        files.addAll(OciInstancesEmitter.emit(plan));
        files.addAll(ApiLoadBalancerEmitter.emit(plan));
        files.addAll(CcmIamEmitter.emit(plan));
        return List.copyOf(files);
    }
}
