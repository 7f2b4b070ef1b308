package dev.clusterspec.check;

import dev.clusterspec.spec.ControlPlane;
import dev.clusterspec.spec.Topology;

/**
 * The Kubernetes API has an endpoint that works in the spec's topology: the Talos Layer-2 VIP on the
 * Proxmox bridge (nested), or an OCI network load balancer (direct: a VCN does not learn addresses
 * from ARP, so a VIP would reach only the node holding it if at all) whose public address is known
 * before it exists, because the certificates name it.
 */
final class ApiEndpointCheck implements SpecCheck {

    @Override
    public void check(CheckContext context) {
        ControlPlane cp = context.spec().controlPlane();
        if (context.spec().topology() == Topology.NESTED) {
            if (cp.vip() == null) {
                context.error("/controlPlane", "topology nested needs controlPlane.vip: the Layer-2 VIP the control planes share on the"
                        + " bridge is the Kubernetes API endpoint; add a free bridge address, e.g. vip: 10.0.0.10");
            }
            if (cp.loadBalancer() != null) {
                context.error("/controlPlane/loadBalancer", "controlPlane.loadBalancer is the OCI network load balancer of topology direct;"
                        + " with topology nested the API is reached by its VIP: remove it");
            }
            return;
        }
        if (cp.vip() != null) {
            context.warning("/controlPlane/vip", "topology direct does not use controlPlane.vip: an OCI VCN does not learn addresses from"
                    + " ARP, so a Layer-2 VIP would not reach the control planes; the API load balancer (controlPlane.loadBalancer)"
                    + " is the endpoint instead; remove the vip");
        }
        if (cp.loadBalancer() == null) {
            context.error("/controlPlane", "topology direct needs controlPlane.loadBalancer: {privateIp: <a free address of the subnet>}:"
                    + " an OCI network load balancer in front of the control planes is the API endpoint (an OCI VCN carries no"
                    + " Layer-2 VIP); clusterspec writes it as oci/api-nlb.tf.json");
        } else if (cp.endpointHost() == null && cp.loadBalancer().reservedIp() == null) {
            context.error("/controlPlane/loadBalancer", "the API load balancer's public address must be known before it exists, since"
                    + " the API server's and Talos's certificates name it: set controlPlane.endpointHost to a DNS name you will point at"
                    + " its public IP, or controlPlane.loadBalancer.reservedIp to one of oci.reservedIps");
        }
    }
}
