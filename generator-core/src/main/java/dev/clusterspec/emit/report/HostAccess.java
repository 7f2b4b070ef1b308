package dev.clusterspec.emit.report;

import dev.clusterspec.emit.bastion.SshConfigEmitter;
import dev.clusterspec.plan.ClusterPlan;
import dev.clusterspec.spec.Proxmox.Host;

/**
 * How the runbook's commands reach a Proxmox host: through the bastion with the generated
 * {@code bastion/ssh_config} (SSH reaches the hosts only from there), or directly without a bastion.
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
}
