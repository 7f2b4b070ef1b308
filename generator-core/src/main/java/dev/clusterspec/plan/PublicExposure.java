package dev.clusterspec.plan;

import dev.clusterspec.spec.Ip;
import dev.clusterspec.spec.Proxmox.Host;
import dev.clusterspec.spec.ServiceSpec;

/**
 * How a public service is reached (nested topology): the reserved IP arrives at a secondary private
 * IP of {@code ingressHost}'s VNIC, the host DNATs it to {@code loadBalancerIp}, which Cilium
 * announces on the bridge. In the direct topology {@code ingressHost} is null and the OCI CCM puts
 * the reserved IP on a load balancer.
 */
public record PublicExposure(ServiceSpec service, String reservedIpName, Ip reservedIp, Host ingressHost,
                             Ip loadBalancerIp, String poolName) {

    /**
     * The Service label that ties a public service to its pool: each CiliumLoadBalancerIPPool selects the
     * Services carrying its name, so Cilium allocates a service's address from its own pool only.
     */
    public static final String POOL_LABEL = "clusterspec.dev/lb-pool";
}
