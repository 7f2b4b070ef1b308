package dev.clusterspec.check;

import dev.clusterspec.spec.ClusterSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Names, VM ids and addresses that must each be used once. */
final class IdentityCheck implements SpecCheck {

    @Override
    public void check(CheckContext context) {
        ClusterSpec spec = context.spec();
        unique(context, spec.nodes(), "/nodes", "name", n -> n.name(), "node name");
        unique(context, spec.nodes(), "/nodes", "vmid", n -> n.vmid(), "VM id");
        unique(context, spec.oci().reservedIps(), "/oci/reservedIps", "name", r -> r.name(), "reserved IP name");
        unique(context, spec.oci().reservedIps(), "/oci/reservedIps", "address", r -> r.address(), "reserved IP address");
        unique(context, spec.network().loadBalancerPools(), "/network/loadBalancerPools", "name", p -> p.name(), "pool name");
        unique(context, spec.namespaces(), "/namespaces", "name", n -> n.name(), "namespace");
        unique(context, spec.services(), "/services", "name", s -> s.namespace() + "/" + s.name(), "service");
        unique(context, spec.services().stream().filter(s -> s.exposure() == dev.clusterspec.spec.ServiceSpec.Exposure.TAILNET).toList(),
                null, "hostname", s -> s.tailnetHostname(), "tailnet hostname");
        spec.proxmoxIfAny().ifPresent(p -> {
            unique(context, p.hosts(), "/proxmox/hosts", "name", h -> h.name(), "host name");
            unique(context, p.hosts(), "/proxmox/hosts", "privateIp", h -> h.privateIp(), "host private IP");
            unique(context, p.hosts(), "/proxmox/hosts", "bridgeIp", h -> h.bridgeIp(), "host bridge IP");
        });
        for (int i = 0; i < spec.services().size(); i++) {
            var ports = spec.services().get(i).ports();
            unique(context, ports, "/services/" + i + "/ports", "", p -> p.protocol() + "/" + p.port(), "port");
        }
    }

    /**
     * Reports every element whose key was already used. With a null base the elements are not at
     * one place in the spec (a filtered list), so the finding goes to the matching service.
     */
    private static <T> void unique(CheckContext context, List<T> items, String base, String field,
                                   Function<T, Object> key, String what) {
        Map<Object, Integer> first = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            Object value = key.apply(items.get(i));
            if (value == null) {
                continue;
            }
            Integer earlier = first.putIfAbsent(value, i);
            if (earlier != null) {
                String pointer = base == null
                        ? "/services/" + context.spec().services().indexOf(items.get(i))
                        : base + "/" + i + (field.isEmpty() ? "" : "/" + field);
                context.error(pointer, what + " '" + value + "' is used twice (also by item " + (earlier + 1)
                        + (base == null ? "" : " of " + base) + "); each must be unique");
            }
        }
    }
}
