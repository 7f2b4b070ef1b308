package dev.clusterspec.check;

import dev.clusterspec.spec.ClusterSpec;
import dev.clusterspec.spec.Node;
import dev.clusterspec.spec.ServiceSpec;
import dev.clusterspec.spec.ServiceSpec.Exposure;
import dev.clusterspec.spec.Topology;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Names that refer to other sections resolve, and each exposure has the fields it needs. */
final class ReferenceCheck implements SpecCheck {

    @Override
    public void check(CheckContext context) {
        ClusterSpec spec = context.spec();
        Set<String> reservedIps = spec.oci().reservedIps().stream().map(r -> r.name()).collect(Collectors.toSet());
        Set<String> namespaces = spec.namespaces().stream().map(n -> n.name()).collect(Collectors.toSet());
        Set<String> hosts = spec.proxmoxIfAny().map(p -> p.hosts().stream().map(h -> h.name()).collect(Collectors.toSet())).orElse(Set.of());

        spec.bastionIfAny().flatMap(b -> b.reservedIpName()).ifPresent(name ->
                known(context, "/bastion/reservedIp", name, reservedIps, "reserved IP", "oci.reservedIps"));
        spec.controlPlane().loadBalancerIfAny().flatMap(lb -> lb.reservedIpName()).ifPresent(name ->
                known(context, "/controlPlane/loadBalancer/reservedIp", name, reservedIps, "reserved IP", "oci.reservedIps"));

        if (spec.topology() == Topology.NESTED) {
            if (spec.proxmox() == null) {
                context.error("", "topology nested needs a 'proxmox' section (bridge and hosts)");
            }
            List<Node> nodes = spec.nodes();
            for (int i = 0; i < nodes.size(); i++) {
                Node node = nodes.get(i);
                if (node.host() == null) {
                    context.error("/nodes/" + i, "node " + node.name() + " needs 'host': the Proxmox host its VM runs on (topology nested)");
                } else if (spec.proxmox() != null) {
                    known(context, "/nodes/" + i + "/host", node.host(), hosts, "Proxmox host", "proxmox.hosts");
                }
                if (node.vmid() == null) {
                    context.error("/nodes/" + i, "node " + node.name() + " needs 'vmid': its Proxmox VM id (topology nested)");
                }
            }
            spec.proxmoxIfAny().ifPresent(p -> {
                for (int i = 0; i < p.hosts().size(); i++) {
                    var host = p.hosts().get(i);
                    String at = "/proxmox/hosts/" + i;
                    host.ingressReservedIp().ifPresent(name -> {
                        known(context, at + "/ingressFor", name, reservedIps, "reserved IP", "oci.reservedIps");
                        if (host.secondaryPrivateIp() == null) {
                            context.error(at, "host " + host.name() + " receives reserved IP '" + name
                                    + "' but has no 'secondaryPrivateIp': OCI delivers the reserved IP's traffic to a secondary private IP of the VNIC, and the host's DNAT matches that address");
                        }
                    });
                }
            });
        }

        Set<String> pools = spec.network().loadBalancerPools().stream().map(p -> p.name()).collect(Collectors.toSet());
        for (int i = 0; i < spec.services().size(); i++) {
            checkService(context, spec.services().get(i), "/services/" + i, namespaces, reservedIps);
            checkPool(context, spec.services().get(i), "/services/" + i + "/pool", pools);
        }
        for (int i = 0; i < spec.assertions().size(); i++) {
            var assertion = spec.assertions().get(i);
            known(context, "/assertions/" + i + "/from", assertion.from(), namespaces, "namespace", "namespaces");
            known(context, "/assertions/" + i + "/to", assertion.to(), namespaces, "namespace", "namespaces");
        }
    }

    private static void checkService(CheckContext context, ServiceSpec service, String at,
                                     Set<String> namespaces, Set<String> reservedIps) {
        known(context, at + "/namespace", service.namespace(), namespaces, "namespace", "namespaces");
        if (service.exposure() == Exposure.PUBLIC) {
            if (service.reservedIp() == null) {
                context.error(at, "public service " + service.name() + " needs 'reservedIp': the reserved public IP it is reached on");
            } else {
                known(context, at + "/reservedIp", service.reservedIp(), reservedIps, "reserved IP", "oci.reservedIps");
            }
        } else if (service.reservedIp() != null) {
            context.error(at + "/reservedIp", "'reservedIp' only applies to exposure public; service " + service.name()
                    + " is " + service.exposure().id());
        }
        if (service.exposure() == Exposure.TAILNET && !context.spec().addons().tailscale().enabled()) {
            context.error(at + "/exposure", "service " + service.name()
                    + " is exposed on the tailnet, but the Tailscale operator is off: set addons.tailscale.enabled: true");
        }
        if (service.exposure() != Exposure.TAILNET && service.hostname() != null) {
            context.error(at + "/hostname", "'hostname' only applies to exposure tailnet; service " + service.name()
                    + " is " + service.exposure().id());
        }
        for (int j = 0; j < service.allowFrom().size(); j++) {
            var source = service.allowFrom().get(j);
            String sourceAt = at + "/allowFrom/" + j;
            if (source.namespace() != null) {
                known(context, sourceAt + "/namespace", source.namespace(), namespaces, "namespace", "namespaces");
            }
            if (source.cidr() != null && (source.namespace() != null || !source.podLabels().isEmpty())) {
                context.error(sourceAt, "an allowFrom entry is either a namespace (with optional podLabels) or a cidr, not both");
            }
            if (source.namespace() == null && source.cidr() == null) {
                context.error(sourceAt, "an allowFrom entry needs 'namespace' or 'cidr'");
            }
        }
    }

    /** A pool is chosen only where one is used: a public service of the nested topology (the CCM's LB serves direct). */
    private static void checkPool(CheckContext context, ServiceSpec service, String at, Set<String> pools) {
        if (service.pool() == null) {
            return;
        }
        if (service.exposure() != Exposure.PUBLIC) {
            context.error(at, "'pool' only applies to exposure public; service " + service.name() + " is " + service.exposure().id());
        } else if (context.spec().topology() != Topology.NESTED) {
            context.error(at, "'pool' only applies to topology nested: with topology direct the OCI load balancer carries"
                    + " the reserved IP of service " + service.name() + "; remove pool");
        } else {
            known(context, at, service.pool(), pools, "LoadBalancer pool", "network.loadBalancerPools");
        }
    }

    private static void known(CheckContext context, String pointer, String name, Set<String> known,
                              String what, String section) {
        if (!known.contains(name)) {
            context.error(pointer, what + " '" + name + "' is not defined" + (known.isEmpty()
                    ? "; add it to " + section
                    : "; defined in " + section + ": " + String.join(", ", known.stream().sorted().toList())));
        }
    }
}
