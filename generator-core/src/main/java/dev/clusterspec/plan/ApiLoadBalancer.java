package dev.clusterspec.plan;

import dev.clusterspec.spec.Ip;
import dev.clusterspec.spec.Oci.ReservedIp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The OCI network load balancer in front of the control planes (topology direct, where a VCN carries
 * no Layer-2 VIP): TCP listeners for kube-apiserver and apid, each forwarding to every control plane.
 *
 * <p>It has two addresses. {@code privateIp}, fixed in the subnet, is the cluster endpoint the Talos
 * configs name: nodes and the bastion reach it inside the VCN. Reaching the public address from a
 * node would leave the VCN and come back from the node's public IP, which no rule admits. The public
 * address ({@code publicName}, a DNS name the user points at it, or the reserved IP it carries) is
 * what admins outside the VCN connect to; it must be known before the load balancer exists, because
 * the API server's and apid's certificates name it.
 *
 * <p>It does not preserve client addresses ({@code is_preserve_source} off, as the Talos guide for
 * OCI sets it): the control planes see every forwarded connection and health check from
 * {@code privateIp}.
 */
public record ApiLoadBalancer(Ip privateIp, Optional<ReservedIp> reservedIp, Optional<String> publicName, int apiPort) {

    /** The port talosctl connects to (apid). */
    public static final int TALOS_PORT = Ports.TALOS_APID;

    /** The public host admins outside the VCN use: the DNS name when there is one, else the reserved IP. */
    public Optional<String> publicHost() {
        return publicName.or(() -> reservedIp.map(r -> r.address().toString()));
    }

    /** The names and addresses the certificates of the control planes must carry for it, private first. */
    public List<String> certificateNames() {
        List<String> names = new ArrayList<>();
        names.add(privateIp.toString());
        publicName.ifPresent(names::add);
        reservedIp.ifPresent(r -> names.add(r.address().toString()));
        return List.copyOf(names);
    }
}
