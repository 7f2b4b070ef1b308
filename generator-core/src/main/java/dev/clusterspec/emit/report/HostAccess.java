package dev.clusterspec.emit.report;

import dev.clusterspec.emit.bastion.SshConfigEmitter;
import dev.clusterspec.emit.oci.BastionNsgEmitter;
import dev.clusterspec.plan.ClusterPlan;
import dev.clusterspec.spec.Proxmox.Host;
import java.util.List;

/**
 * How the runbook's commands reach the bastion and a Proxmox host: through the bastion with the
 * generated {@code bastion/ssh_config} (SSH reaches the hosts only from there), or directly without one.
 */
record HostAccess(ClusterPlan plan) {

    boolean viaBastion() {
        return plan.spec().bastion() != null;
    }

    /** {@code ssh -F bastion/ssh_config pve1} or {@code ssh root@10.1.0.11}. */
    String ssh(Host host) {
        return viaBastion() ? "ssh -F " + SshConfigEmitter.PATH + " " + host.name() : "ssh root@" + host.privateIp();
    }

    /** Copies {@code file} to {@code path} on the host. */
    String scp(String file, Host host, String path) {
        return (viaBastion() ? "scp -F " + SshConfigEmitter.PATH + " " + file + " " + host.name() : "scp " + file + " root@" + host.privateIp())
                + ":" + path;
    }

    /** Puts the bastion's VNIC into the security group Terraform created, the only rule that admits SSH to it. */
    List<String> attachBastionNsg() {
        return List.of(
                "NSG=$(echo 'oci_core_network_security_group." + BastionNsgEmitter.resourceName(plan) + ".id' | terraform -chdir=oci console | tr -d '\"')",
                "oci network vnic update --vnic-id <VNIC OCID of the bastion> --nsg-ids \"[\\\"$NSG\\\"]\" --force",
                "ssh -F " + SshConfigEmitter.PATH + " " + SshConfigEmitter.bastionAlias(plan) + " true   # SSH reaches the bastion");
    }
}
