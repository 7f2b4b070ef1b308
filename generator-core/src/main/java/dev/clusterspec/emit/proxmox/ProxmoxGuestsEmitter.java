package dev.clusterspec.emit.proxmox;

import dev.clusterspec.emit.OutputFile;
import dev.clusterspec.plan.ClusterPlan;
import java.util.List;

/** The guests of the nested topology, as {@code proxmox/vms.tf.json} and {@code proxmox/vms.sh}. */
public final class ProxmoxGuestsEmitter {

    public static final String TERRAFORM_PATH = "proxmox/vms.tf.json";
    public static final String SCRIPT_PATH = "proxmox/vms.sh";

    private ProxmoxGuestsEmitter() {}

    public static List<OutputFile> emit(ClusterPlan plan) {
        if (!plan.nested()) {
            return List.of();
        }
        ProxmoxGuests guests = ProxmoxGuests.of(plan);
        return List.of(OutputFile.text(TERRAFORM_PATH, TerraformGuests.render(guests)), OutputFile.text(SCRIPT_PATH, ShellGuests.render(guests)));
    }
}
