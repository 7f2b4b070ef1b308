package dev.clusterspec.check;

/** etcd keeps quorum with an odd number of members; an even number adds risk, not safety. */
final class ControlPlaneCheck implements SpecCheck {

    @Override
    public void check(CheckContext context) {
        int count = context.spec().controlPlanes().size();
        if (count == 0) {
            context.error("/nodes", "no node has role controlplane; a cluster needs 1, 3 or 5 control-plane nodes");
        } else if (count % 2 == 0) {
            context.error("/nodes", count + " control-plane nodes: etcd needs an odd number (1, 3, 5) to keep quorum; "
                    + count + " tolerate no more failures than " + (count - 1));
        }
    }
}
