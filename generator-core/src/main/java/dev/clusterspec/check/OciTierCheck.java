package dev.clusterspec.check;

import dev.clusterspec.spec.ClusterSpec;
import dev.clusterspec.spec.Oci.ReservedIp;
import dev.clusterspec.spec.ServiceSpec;
import dev.clusterspec.spec.ServiceSpec.Exposure;
import dev.clusterspec.spec.TierQuota;
import dev.clusterspec.spec.Topology;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The spec fits the OCI tier's quotas, and each reserved IP is attached to exactly one thing. */
final class OciTierCheck implements SpecCheck {

    @Override
    public void check(CheckContext context) {
        ClusterSpec spec = context.spec();
        TierQuota quota = TierQuota.of(spec.oci().tier());
        List<ReservedIp> reserved = spec.oci().reservedIps();
        if (reserved.size() > quota.reservedPublicIpv4()) {
            context.error("/oci/reservedIps/" + quota.reservedPublicIpv4(), "the " + spec.oci().tier().id() + " tier allows "
                    + quota.reservedPublicIpv4() + " reserved public IPv4 address(es), the spec has " + reserved.size() + ". "
                    + quota.note() + " Give the bastion an ephemeral public IP (leave out bastion.reservedIp) or use tier: paid.");
        }
        Map<String, List<String>> users = attachments(spec);
        for (int i = 0; i < reserved.size(); i++) {
            List<String> attached = users.getOrDefault(reserved.get(i).name(), List.of());
            String at = "/oci/reservedIps/" + i;
            if (attached.isEmpty()) {
                context.error(at, "reserved IP '" + reserved.get(i).name() + "' is attached to nothing; attach it (bastion.reservedIp, "
                        + (spec.topology() == Topology.NESTED ? "a Proxmox host's ingressFor"
                                : "controlPlane.loadBalancer.reservedIp, a public service")
                        + ") or remove it: it counts against the quota");
            } else if (attached.size() > 1) {
                context.error(at, "reserved IP '" + reserved.get(i).name() + "' is attached to " + String.join(" and ", attached)
                        + "; a reserved IP belongs to exactly one VNIC or load balancer");
            }
        }
        checkPublicServices(context, spec, quota);
    }

    /** What each reserved IP is attached to: the bastion, a host's ingress, or (direct) the API load balancer or a service's LB. */
    private static Map<String, List<String>> attachments(ClusterSpec spec) {
        Map<String, List<String>> users = new LinkedHashMap<>();
        spec.bastionIfAny().flatMap(b -> b.reservedIpName())
                .ifPresent(n -> users.computeIfAbsent(n, k -> new ArrayList<>()).add("the bastion"));
        if (spec.topology() == Topology.DIRECT) {
            spec.controlPlane().loadBalancerIfAny().flatMap(lb -> lb.reservedIpName())
                    .ifPresent(n -> users.computeIfAbsent(n, k -> new ArrayList<>()).add("the API load balancer"));
        }
        if (spec.topology() == Topology.NESTED) {
            spec.proxmoxIfAny().ifPresent(p -> p.hosts().forEach(h -> h.ingressReservedIp()
                    .ifPresent(n -> users.computeIfAbsent(n, k -> new ArrayList<>()).add("host " + h.name()))));
        } else {
            spec.services().stream().filter(s -> s.exposure() == Exposure.PUBLIC && s.reservedIp() != null)
                    .forEach(s -> users.computeIfAbsent(s.reservedIp(), k -> new ArrayList<>()).add("service " + s.name()));
        }
        return users;
    }

    private static void checkPublicServices(CheckContext context, ClusterSpec spec, TierQuota quota) {
        Map<String, Integer> portsInUse = new HashMap<>();
        int loadBalancers = 0;
        for (int i = 0; i < spec.services().size(); i++) {
            ServiceSpec service = spec.services().get(i);
            if (service.exposure() != Exposure.PUBLIC || service.reservedIp() == null) {
                continue;
            }
            String at = "/services/" + i;
            loadBalancers++;
            if (spec.topology() == Topology.NESTED) {
                boolean onHost = spec.proxmoxIfAny().map(p -> p.hosts().stream()
                        .anyMatch(h -> service.reservedIp().equals(h.ingressFor()))).orElse(false);
                boolean known = spec.oci().reservedIp(service.reservedIp()).isPresent();
                if (known && !onHost) {
                    context.error(at + "/reservedIp", "public service " + service.name() + " uses reserved IP '" + service.reservedIp()
                            + "', but no Proxmox host receives it; set ingressFor: " + service.reservedIp() + " on the host that DNATs it");
                }
            }
            for (int j = 0; j < service.ports().size(); j++) {
                ServiceSpec.Port port = service.ports().get(j);
                String key = service.reservedIp() + "/" + port.protocol() + "/" + port.port();
                Integer other = portsInUse.putIfAbsent(key, i);
                // a port listed twice in one service is the identity check's finding, not a clash between services
                if (other != null && other != i) {
                    context.error(at + "/ports/" + j, "port " + port.protocol() + "/" + port.port() + " of reserved IP '"
                            + service.reservedIp() + "' is already taken by service " + spec.services().get(other).name());
                }
            }
        }
        // each public service is one flexible load balancer of the CCM; the network load balancer is the API's
        boolean ccmMakesLoadBalancers = spec.topology() == Topology.DIRECT && spec.addons().ociCcm().enabled();
        if (ccmMakesLoadBalancers && loadBalancers > quota.flexibleLoadBalancers()) {
            context.error("/services", loadBalancers + " public services would each create an OCI flexible load balancer; the "
                    + spec.oci().tier().id() + " tier has " + quota.flexibleLoadBalancers() + " (" + quota.flexibleLoadBalancerMbps()
                    + " Mbps), and its network load balancer is the API's; put the ports on fewer services or use tier: paid");
        }
    }
}
