package dev.clusterspec.spec;

import java.util.List;

/** The address plan of the cluster. */
public record Network(
        Cidr pods,
        Cidr services,
        Cidr tailnet,
        String clusterDomain,
        List<Ip> nameservers,
        List<String> timeServers,
        List<LoadBalancerPool> loadBalancerPools) {

    public Network {
        nameservers = List.copyOf(nameservers);
        timeServers = List.copyOf(timeServers);
        loadBalancerPools = List.copyOf(loadBalancerPools);
    }

    public record LoadBalancerPool(String name, Cidr cidr) {}
}
