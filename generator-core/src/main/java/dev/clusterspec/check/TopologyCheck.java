package dev.clusterspec.check;

import dev.clusterspec.spec.Addons.OciCcm;
import dev.clusterspec.spec.ClusterSpec;
import dev.clusterspec.spec.Topology;

/** Rules where the seed document's drawing does not match how OCI and Proxmox really behave. */
final class TopologyCheck implements SpecCheck {

    /**
     * Neither CCM mode works on Talos VMs nested in Proxmox. The node controllers map each node to an
     * OCI instance, which a VM is not. The service controller places each load balancer's backends by
     * finding every node's address in a VCN subnet (upstream getSubnetsForNodes), and the VMs'
     * addresses are on the Proxmox bridge, outside the VCN: no load balancer would ever be built.
     */
    private static void nestedCcm(CheckContext context, OciCcm ccm) {
        String instead = "turn it off (addons.ociCcm.enabled: false): public services reach the cluster through the"
                + " reserved IP, the host's DNAT and a Cilium LoadBalancer IP; or run Talos on OCI instances (topology: direct)";
        if (ccm.mode() == OciCcm.Mode.SERVICE_CONTROLLER_ONLY) {
            context.error("/addons/ociCcm/mode", "the OCI cloud-controller-manager's service controller cannot work with topology"
                    + " nested: it looks up the VCN subnet of every node's address to place load-balancer backends, and Talos VMs"
                    + " on the Proxmox bridge have no VCN address, so it would build no load balancer; " + instead);
        } else {
            String at = context.written("/addons/ociCcm/mode") ? "/addons/ociCcm/mode" : "/addons/ociCcm/enabled";
            context.error(at, "the OCI cloud-controller-manager cannot run with topology nested: its node controller maps each"
                    + " node to an OCI instance, but Talos VMs on Proxmox are not instances, so nodes stay tainted"
                    + " 'uninitialized' and may be deleted; " + instead);
        }
    }

    @Override
    public void check(CheckContext context) {
        ClusterSpec spec = context.spec();
        OciCcm ccm = spec.addons().ociCcm();
        if (spec.topology() == Topology.NESTED) {
            if (ccm.enabled()) {
                nestedCcm(context, ccm);
            }
            context.warning("/topology", "topology nested on OCI Ampere (A1): A1 shapes very likely do not offer nested KVM, so"
                    + " Proxmox may run the Talos VMs fully emulated and slow; check /dev/kvm on a host before relying on it");
        } else {
            if (spec.proxmox() != null) {
                context.warning("/proxmox", "topology direct runs Talos on OCI instances; the proxmox section is ignored");
            }
            for (int i = 0; i < spec.services().size(); i++) {
                var service = spec.services().get(i);
                if (service.exposure() == dev.clusterspec.spec.ServiceSpec.Exposure.PUBLIC && !ccm.enabled()) {
                    context.error("/services/" + i + "/exposure", "public service " + service.name() + " needs the OCI CCM with topology"
                            + " direct: it puts the reserved IP on an OCI load balancer (set addons.ociCcm.enabled: true)");
                }
            }
            if (ccm.enabled() && ccm.mode() == OciCcm.Mode.SERVICE_CONTROLLER_ONLY) {
                context.warning("/addons/ociCcm/mode", "with topology direct the CCM can run all controllers (mode: full)");
            }
        }
    }
}
