package dev.clusterspec.check;

import dev.clusterspec.spec.Addons.OciCcm;
import dev.clusterspec.spec.ClusterSpec;
import dev.clusterspec.spec.Topology;

/** Rules where the seed document's drawing does not match how OCI and Proxmox really behave. */
final class TopologyCheck implements SpecCheck {

    @Override
    public void check(CheckContext context) {
        ClusterSpec spec = context.spec();
        OciCcm ccm = spec.addons().ociCcm();
        if (spec.topology() == Topology.NESTED) {
            if (ccm.enabled() && ccm.mode() == OciCcm.Mode.FULL) {
                context.error("/addons/ociCcm", "the OCI cloud-controller-manager cannot run in full mode with topology nested: its node"
                        + " controller maps each node to an OCI instance, but Talos VMs on Proxmox are not instances, so nodes stay"
                        + " tainted 'uninitialized' and may be deleted. Use mode: service-controller-only (--controllers=service),"
                        + " or turn it off and expose public services through the host DNAT of the reserved IP");
            }
            context.warning("/topology", "topology nested on OCI Ampere (A1): A1 shapes very likely do not offer nested KVM, so"
                    + " Proxmox may run the Talos VMs fully emulated and slow; check /dev/kvm on a host before relying on it");
        } else {
            context.warning("/controlPlane/vip", "topology direct: an OCI VCN does not learn addresses from ARP, so the"
                    + " Talos Layer-2 VIP " + spec.controlPlane().vip() + " only reaches the node holding it if it is also a"
                    + " secondary private IP of that node's VNIC; put an OCI network load balancer in front of the API, or"
                    + " set controlPlane.endpointHost to a name that resolves to the control planes");
            if (spec.proxmox() != null) {
                context.warning("/proxmox", "topology direct runs Talos on OCI instances; the proxmox section is ignored");
            }
            for (int i = 0; i < spec.services().size(); i++) {
                var service = spec.services().get(i);
                if (service.exposure() == dev.clusterspec.spec.ServiceSpec.Exposure.PUBLIC && !ccm.enabled()) {
                    context.error("/services/" + i + "/exposure", "public service " + service.name() + " needs the OCI CCM with topology"
                            + " direct: it puts the reserved IP on an OCI network load balancer (set addons.ociCcm.enabled: true)");
                }
            }
            if (ccm.enabled() && ccm.mode() == OciCcm.Mode.SERVICE_CONTROLLER_ONLY) {
                context.warning("/addons/ociCcm/mode", "with topology direct the CCM can run all controllers (mode: full)");
            }
        }
    }
}
