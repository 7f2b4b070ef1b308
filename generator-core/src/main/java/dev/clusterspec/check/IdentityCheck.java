package dev.clusterspec.check;

import dev.clusterspec.spec.ClusterSpec;
import dev.clusterspec.spec.ServiceSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Names and VM ids that must each be used once. Addresses are the address plan's job
 * ({@link AddressPlanCheck}), so one duplicate address gives one finding, not two.
 */
final class IdentityCheck implements SpecCheck {

    @Override
    public void check(CheckContext context) {
        ClusterSpec spec = context.spec();
        names(context, spec.nodes(), "/nodes", n -> n.name(), "node");
        unique(context, spec.nodes(), "/nodes", "vmid", n -> n.vmid(), "VM id", n -> "node " + n.name(),
                "each Proxmox VM needs its own id");
        names(context, spec.oci().reservedIps(), "/oci/reservedIps", r -> r.name(), "reserved IP");
        unique(context, spec.oci().reservedIps(), "/oci/reservedIps", "address", r -> r.address(), "reserved IP address",
                r -> "reserved IP " + r.name(), "list each reserved address once");
        names(context, spec.network().loadBalancerPools(), "/network/loadBalancerPools", p -> p.name(), "pool");
        names(context, spec.namespaces(), "/namespaces", n -> n.name(), "namespace");
        services(context, spec.services());
        spec.proxmoxIfAny().ifPresent(p -> names(context, p.hosts(), "/proxmox/hosts", h -> h.name(), "host"));
        for (int i = 0; i < spec.services().size(); i++) {
            ServiceSpec service = spec.services().get(i);
            Map<String, Integer> first = new HashMap<>();
            for (int j = 0; j < service.ports().size(); j++) {
                var port = service.ports().get(j);
                Integer earlier = first.putIfAbsent(port.protocol() + "/" + port.port(), j);
                if (earlier != null) {
                    context.error("/services/" + i + "/ports/" + j, "port " + port.protocol() + "/" + port.port()
                            + " is listed twice in service " + service.name() + " (items " + (earlier + 1) + " and " + (j + 1)
                            + " of its ports); list each port once");
                }
            }
        }
    }

    /** Two services with one namespace/name, and two tailnet services with one MagicDNS name. */
    private static void services(CheckContext context, List<ServiceSpec> services) {
        Map<String, Integer> byName = new HashMap<>();
        Map<String, Integer> byHostname = new HashMap<>();
        for (int i = 0; i < services.size(); i++) {
            ServiceSpec service = services.get(i);
            String id = service.namespace() + "/" + service.name();
            Integer earlier = byName.putIfAbsent(id, i);
            if (earlier != null) {
                context.error("/services/" + i + "/name", "service " + id + " is declared twice (first on line "
                        + context.line("/services/" + earlier) + "); give each service of a namespace its own name");
            }
            if (service.exposure() == ServiceSpec.Exposure.TAILNET) {
                Integer other = byHostname.putIfAbsent(service.tailnetHostname(), i);
                if (other != null) {
                    ServiceSpec first = services.get(other);
                    context.error("/services/" + i + (service.hostname() != null ? "/hostname" : ""), "tailnet hostname '"
                            + service.tailnetHostname() + "' is already used by service " + first.namespace() + "/" + first.name()
                            + "; each tailnet service needs its own MagicDNS name (set hostname)");
                }
            }
        }
    }

    /** A name used twice: the finding goes to the second, and says where the first is. */
    private static <T> void names(CheckContext context, List<T> items, String base, Function<T, String> name, String what) {
        Map<String, Integer> first = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            Integer earlier = first.putIfAbsent(name.apply(items.get(i)), i);
            if (earlier != null) {
                context.error(base + "/" + i + "/name", what + " name '" + name.apply(items.get(i)) + "' is used twice (first on line "
                        + context.line(base + "/" + earlier) + "); each " + what + " needs its own name");
            }
        }
    }

    /** A value used twice: the finding goes to the second, and names the item that has it already. */
    private static <T> void unique(CheckContext context, List<T> items, String base, String field, Function<T, Object> key,
                                   String what, Function<T, String> who, String fix) {
        Map<Object, Integer> first = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            Object value = key.apply(items.get(i));
            if (value == null) {
                continue;
            }
            Integer earlier = first.putIfAbsent(value, i);
            if (earlier != null) {
                context.error(base + "/" + i + "/" + field, what + " " + value + " is already used by " + who.apply(items.get(earlier))
                        + "; " + fix);
            }
        }
    }
}
