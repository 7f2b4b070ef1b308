package dev.clusterspec.check;

/** Firewall requests that make sense on Talos, and someone who may administer the cluster. */
final class FirewallCheck implements SpecCheck {

    @Override
    public void check(CheckContext context) {
        var spec = context.spec();
        if (spec.firewall().admins() == null && !spec.addons().tailscale().enabled()
                && spec.topology() == dev.clusterspec.spec.Topology.DIRECT && spec.bastion() == null) {
            context.error(context.written("/firewall") ? "/firewall" : "/topology", "firewall.admins has no default here: it"
                    + " defaults to the tailnet when the Tailscale operator is on, else to the bastion's private IP (topology"
                    + " direct), and this spec has neither; set firewall.admins to the addresses talosctl and kubectl come from");
        }
        var rules = context.spec().firewall().nodeIngress();
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).port() == 22) {
                context.warning("/firewall/nodeIngress/" + i + "/port", "Talos has no SSH: a rule for port 22 on the nodes has no"
                        + " effect. Talos is managed through apid (50000, talosctl), which is open to firewall.admins and the"
                        + " control planes; SSH 22 exists only on the Proxmox hosts (from the bastion)");
            }
        }
    }
}
