package dev.clusterspec.emit.workloads;

import dev.clusterspec.emit.manifests.ManifestProblemException;
import dev.clusterspec.plan.ClusterPlan;
import dev.clusterspec.plan.PublicExposure;
import dev.clusterspec.spec.Addons.OciCcm;
import dev.clusterspec.spec.ServiceSpec;
import dev.clusterspec.spec.ServiceSpec.Port;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compiles each spec service into its Service according to the seed's three exposure patterns, and
 * refuses a pattern nothing in the cluster could fulfil (a message naming the service and the fix).
 */
final class ExposurePatterns {

    /** Cilium's L2 announcer class: keeps any cloud controller (the OCI CCM) away from the Service. */
    static final String CILIUM_L2_CLASS = "io.cilium/l2-announcer";
    /** The bandwidth of a public service's flexible load balancer: the Always Free one's (minimum and maximum alike). */
    static final String FLEXIBLE_MBPS = "10";

    private ExposurePatterns() {}

    static List<ExposedService> compile(ClusterPlan plan) {
        List<ExposedService> out = new ArrayList<>();
        for (ServiceSpec service : plan.spec().services()) {
            out.add(switch (service.exposure()) {
                case PUBLIC -> plan.nested() ? publicViaHostDnat(plan, service) : publicViaCcm(plan, service);
                case TAILNET -> tailnet(plan, service);
                case CLUSTER -> clusterOnly(service);
            });
        }
        return out;
    }

    /** Nested: a Cilium LB IP from a pool, announced on the bridge; the host DNATs the reserved IP to it. */
    private static ExposedService publicViaHostDnat(ClusterPlan plan, ServiceSpec service) {
        PublicExposure exposure = plan.publicExposure(service).orElseThrow();
        if (exposure.loadBalancerIp() == null) {
            throw new ManifestProblemException(where(service) + ": a public service in the nested topology needs an address from"
                    + " network.loadBalancerPools (the Proxmox host DNATs the reserved IP to it); add a pool or enlarge the pools");
        }
        Map<String, String> annotations = new LinkedHashMap<>();
        // the address the host's DNAT points at must never change, so it is requested, not left to IPAM
        annotations.put("lbipam.cilium.io/ips", exposure.loadBalancerIp().toString());
        // the pool's serviceSelector matches this label: Cilium allocates the address from that pool only
        return new ExposedService(service.name(), service.namespace(), service.exposure().id(), "LoadBalancer",
                Map.of(PublicExposure.POOL_LABEL, exposure.poolName()), annotations, CILIUM_L2_CLASS, null, selector(service),
                ports(service));
    }

    /**
     * Direct: the OCI CCM puts the reserved public IP on a flexible load balancer of 10 Mbps, the Always
     * Free one (the tenancy's network load balancer is the API's). The CCM applies no security-list mode
     * from its config file to a Service: without this annotation it would manage the lists (All) for an
     * lb Service, rewriting whole lists the firewall layer owns; the rules this load balancer needs are
     * in the security list already (its listener from the world, NodePorts and health port from the subnet).
     */
    private static ExposedService publicViaCcm(ClusterPlan plan, ServiceSpec service) {
        OciCcm ccm = plan.spec().addons().ociCcm();
        if (!ccm.enabled()) {
            throw new ManifestProblemException(where(service) + ": a public service in the direct topology gets its reserved IP from"
                    + " an OCI load balancer, which the OCI cloud-controller-manager creates; set addons.ociCcm.enabled: true");
        }
        PublicExposure exposure = plan.publicExposure(service).orElseThrow();
        Map<String, String> annotations = new LinkedHashMap<>();
        // "none" is not a load-balancer type the CCM knows; lb is the flexible (proxy) load balancer
        annotations.put("oci.oraclecloud.com/load-balancer-type", "lb");
        // without a shape the CCM asks for the fixed 100Mbps shape, which is not free; flexible needs min and max
        annotations.put("service.beta.kubernetes.io/oci-load-balancer-shape", "flexible");
        annotations.put("service.beta.kubernetes.io/oci-load-balancer-shape-flex-min", FLEXIBLE_MBPS);
        annotations.put("service.beta.kubernetes.io/oci-load-balancer-shape-flex-max", FLEXIBLE_MBPS);
        annotations.put("service.beta.kubernetes.io/oci-load-balancer-security-list-management-mode", "None");
        return new ExposedService(service.name(), service.namespace(), service.exposure().id(), "LoadBalancer", Map.of(),
                annotations, null, exposure.reservedIp().toString(), selector(service), ports(service));
    }

    private static ExposedService tailnet(ClusterPlan plan, ServiceSpec service) {
        if (!plan.spec().addons().tailscale().enabled()) {
            throw new ManifestProblemException(where(service) + ": exposure tailnet needs the Tailscale operator;"
                    + " set addons.tailscale.enabled: true with its OAuth client");
        }
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put("tailscale.com/expose", "true");
        annotations.put("tailscale.com/hostname", service.tailnetHostname());
        return new ExposedService(service.name(), service.namespace(), service.exposure().id(), "ClusterIP", Map.of(),
                annotations, null, null, selector(service), ports(service));
    }

    private static ExposedService clusterOnly(ServiceSpec service) {
        return new ExposedService(service.name(), service.namespace(), service.exposure().id(), "ClusterIP", Map.of(),
                Map.of(), null, null, selector(service), ports(service));
    }

    /** Sorted here: the spec record's map (Map.copyOf) has no stable iteration order between runs. */
    private static Map<String, String> selector(ServiceSpec service) {
        return new TreeMap<>(service.selector());
    }

    private static List<Map<String, Object>> ports(ServiceSpec service) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Port port : service.ports()) {
            Map<String, Object> p = new TreeMap<>();
            p.put("name", port.protocol().name().toLowerCase(Locale.ROOT) + "-" + port.port());
            p.put("port", port.port());
            p.put("targetPort", port.targetPort());
            p.put("protocol", port.protocol().name());
            out.add(p);
        }
        return out;
    }

    private static String where(ServiceSpec service) {
        return "services[" + service.name() + "]";
    }
}
