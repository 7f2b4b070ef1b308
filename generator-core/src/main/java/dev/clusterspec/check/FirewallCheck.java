package dev.clusterspec.check;

/** Firewall requests that make sense on Talos, and someone who may administer the cluster. */
final class FirewallCheck implements SpecCheck {

    @Override
    public void check(CheckContext context) {
        var spec = context.spec();
        boolean direct = spec.topology() == dev.clusterspec.spec.Topology.DIRECT;
        if (spec.firewall().admins() == null && direct && spec.bastion() == null) {
            context.error(context.written("/firewall") ? "/firewall" : "/topology", "firewall.admins has no default here: with topology"
                    + " direct it defaults to the bastion's private IP (no tailnet path reaches the nodes: the Tailscale operator only"
                    + " exposes Services), and this spec has no bastion; set firewall.admins to the public addresses talosctl and"
                    + " kubectl come from");
        }
        var rules = context.spec().firewall().nodeIngress();
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).port() == 22) {
                context.warning("/firewall/nodeIngress/" + i + "/port", "Talos has no SSH: a rule for port 22 on the nodes has no"
                        + " effect. Talos is managed through apid (50000, talosctl), which is open to firewall.admins and the"
                        + " control planes" + (direct ? " (and through the API load balancer)"
                                : "; SSH 22 exists only on the Proxmox hosts (from the bastion)"));
            }
        }
    }
}
