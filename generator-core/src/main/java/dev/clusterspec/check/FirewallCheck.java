package dev.clusterspec.check;

/** Firewall requests that make sense on Talos. */
final class FirewallCheck implements SpecCheck {

    @Override
    public void check(CheckContext context) {
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
