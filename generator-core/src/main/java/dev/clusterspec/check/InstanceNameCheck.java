package dev.clusterspec.check;

import dev.clusterspec.spec.Node;
import dev.clusterspec.spec.Topology;
import java.util.List;

/**
 * Topology direct: a node's name is also its OCI instance's display name and VNIC hostname label, by
 * which the OCI CCM finds the instance. A hostname label follows RFC 952 (it starts with a letter).
 * When the display-name lookup fails, the CCM takes every VNIC whose hostname label is a prefix of the
 * node's name, so a name that starts with another node's name (w-1, w-10) can match two instances.
 */
final class InstanceNameCheck implements SpecCheck {

    @Override
    public void check(CheckContext context) {
        if (context.spec().topology() != Topology.DIRECT) {
            return;
        }
        List<Node> nodes = context.spec().nodes();
        for (int i = 0; i < nodes.size(); i++) {
            String name = nodes.get(i).name();
            if (!Character.isLetter(name.charAt(0))) {
                context.error("/nodes/" + i + "/name", "node name '" + name + "' is also its OCI instance's VNIC hostname label, which must"
                        + " start with a letter (RFC 952); rename the node, e.g. n" + name);
            }
            for (int j = 0; j < nodes.size(); j++) {
                String other = nodes.get(j).name();
                if (j != i && name.startsWith(other) && !name.equals(other)) {
                    context.warning("/nodes/" + i + "/name", "node name '" + name + "' starts with node " + other + "'s name: when the OCI"
                            + " CCM cannot find an instance by display name, it matches VNIC hostname labels by prefix and would find two"
                            + " instances; rename one so that neither name starts with the other"
                            + (other.matches(".*\\d") ? " (e.g. " + other.replaceAll("(\\d+)$", "0$1") + " for " + other + ")" : ""));
                }
            }
        }
    }
}
