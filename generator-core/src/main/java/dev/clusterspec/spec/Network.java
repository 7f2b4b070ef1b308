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

    /** The pool a public service takes its LoadBalancer IP from: the one it names, else the first; none if it names an unknown one. */
    public java.util.Optional<LoadBalancerPool> poolOf(ServiceSpec service) {
        return service.poolName()
                .map(name -> loadBalancerPools.stream().filter(p -> p.name().equals(name)).findFirst())
                .orElseGet(() -> loadBalancerPools.stream().findFirst());
    }

    public record LoadBalancerPool(String name, Cidr cidr) {}
}
