package dev.clusterspec.spec;

import java.util.Optional;

/**
 * How clients reach the Kubernetes API: a Layer-2 VIP shared by the control planes (topology nested),
 * or an OCI network load balancer in front of them (topology direct, where a VCN carries no VIP).
 */
public record ControlPlane(Ip vip, int port, String endpointHost, ApiLoadBalancer loadBalancer) {

    /**
     * The OCI network load balancer of the API (topology direct): its fixed private IP in the subnet
     * and, optionally, the name of the reserved public IP it carries.
     */
    public record ApiLoadBalancer(Ip privateIp, String reservedIp) {

        public Optional<String> reservedIpName() {
            return Optional.ofNullable(reservedIp);
        }
    }

    public Optional<Ip> vipIfAny() {
        return Optional.ofNullable(vip);
    }

    public Optional<ApiLoadBalancer> loadBalancerIfAny() {
        return Optional.ofNullable(loadBalancer);
    }

    public Optional<String> endpointHostIfAny() {
        return Optional.ofNullable(endpointHost);
    }
}
