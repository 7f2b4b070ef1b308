package dev.clusterspec.emit.report;

import dev.clusterspec.plan.ApiLoadBalancer;
import dev.clusterspec.plan.ClusterPlan;
import dev.clusterspec.plan.PublicExposure;
import dev.clusterspec.spec.Node;
import dev.clusterspec.spec.ServiceSpec;
import dev.clusterspec.spec.ServiceSpec.AllowFrom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Each service, how it is exposed, where clients find it, and the path its packets take. */
final class ExposureSection {

    static final String ARROW = " → ";

    private ExposureSection() {}

    static Section build(ClusterPlan plan) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(Block.Paragraph.of("Three patterns: public (a reserved OCI IP), tailnet (a Tailscale proxy, by MagicDNS name) "
                + "and cluster (inside the cluster only)."));
        TableBuilder t = TableBuilder.of("service", "pattern", "ports", "address / name", "path").code(3);
        for (ServiceSpec service : plan.spec().services()) {
            t.row(service.namespace() + "/" + service.name(), service.exposure().id(), ports(service), address(plan, service),
                    path(plan, service));
        }
        if (t.isEmpty()) {
            blocks.add(Block.Paragraph.of("The spec declares no services."));
        } else {
            blocks.add(t.build());
        }
        blocks.add(new Block.Heading("cluster-endpoints", "Cluster endpoints"));
        blocks.add(endpoints(plan));
        return new Section("exposure", "Exposure", blocks);
    }

    private static String ports(ServiceSpec service) {
        return service.ports().stream()
                .map(p -> (p.port() == p.targetPort() ? Integer.toString(p.port()) : p.port() + ">" + p.targetPort())
                        + "/" + p.protocol().name().toLowerCase(java.util.Locale.ROOT))
                .collect(Collectors.joining(", "));
    }

    private static String address(ClusterPlan plan, ServiceSpec service) {
        return switch (service.exposure()) {
            case PUBLIC -> plan.publicExposure(service).map(e -> e.reservedIp().toString()).orElse("");
            case TAILNET -> tailscaleOn(plan) ? service.tailnetHostname() : "";
            case CLUSTER -> clusterName(plan, service);
        };
    }

    static String clusterName(ClusterPlan plan, ServiceSpec service) {
        return service.name() + "." + service.namespace() + ".svc." + plan.spec().network().clusterDomain();
    }

    static boolean tailscaleOn(ClusterPlan plan) {
        return plan.tailscale();
    }

    private static String path(ClusterPlan plan, ServiceSpec service) {
        String pods = "pods " + selector(service.selector()) + " in " + service.namespace();
        String svc = "Service " + service.namespace() + "/" + service.name();
        return switch (service.exposure()) {
            case PUBLIC -> plan.publicExposure(service).map(e -> publicPath(plan, e, svc, pods)).orElse("not exposed: no reserved IP");
            case TAILNET -> tailscaleOn(plan)
                    ? String.join(ARROW, "tailnet client", "MagicDNS " + service.tailnetHostname() + ".<tailnet>.ts.net",
                            "Tailscale proxy pod in namespace tailscale", svc + " (ClusterIP)", pods)
                    : "not reachable: the Tailscale operator is disabled";
            case CLUSTER -> String.join(ARROW, allowed(service), svc + " (ClusterIP)", pods);
        };
    }

    private static String publicPath(ClusterPlan plan, PublicExposure e, String svc, String pods) {
        List<String> hops = new ArrayList<>();
        hops.add("internet");
        hops.add(e.reservedIp() + " (reserved IP " + e.reservedIpName() + ")");
        if (!plan.nested()) {
            hops.add("OCI flexible load balancer, 10 Mbps (CCM, spec.loadBalancerIP)");
            hops.add("NodePort on " + (plan.loadBalancerBackends().equals(plan.nodes()) ? "every node" : "the workers "
                    + plan.loadBalancerBackends().stream().map(Node::name).collect(Collectors.joining(", "))));
        } else if (e.ingressHost() == null || e.ingressHost().secondaryPrivateIp() == null) {
            hops.add("no Proxmox host receives it (set ingressFor and secondaryPrivateIp on one)");
            return String.join(ARROW, hops);
        } else {
            hops.add(e.ingressHost().secondaryPrivateIp() + " (secondary private IP of " + e.ingressHost().name() + ")");
            if (e.loadBalancerIp() == null) {
                hops.add("no LoadBalancer IP left in the pools");
                return String.join(ARROW, hops);
            }
            hops.add("nftables DNAT on " + e.ingressHost().name());
            hops.add(e.loadBalancerIp() + " (LoadBalancer IP, pool " + e.poolName() + ", Cilium L2 on " + plan.spec().proxmox().bridge().name() + ")");
        }
        hops.add(svc);
        hops.add(pods);
        return String.join(ARROW, hops);
    }

    private static String allowed(ServiceSpec service) {
        if (service.allowFrom().isEmpty()) {
            return "no other namespace (no allowFrom)";
        }
        List<String> sources = new ArrayList<>();
        for (AllowFrom from : service.allowFrom()) {
            if (from.cidr() != null) {
                sources.add(from.cidr().toString());
            } else if (from.podLabels().isEmpty()) {
                sources.add("pods in " + from.namespace());
            } else {
                sources.add("pods " + selector(from.podLabels()) + " in " + from.namespace());
            }
        }
        return String.join(", ", sources);
    }

    static String selector(Map<String, String> labels) {
        return new TreeMap<>(labels).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
    }

    private static Block endpoints(ClusterPlan plan) {
        TableBuilder t = TableBuilder.of("endpoint", "address", "who may connect").code(1);
        String admins = plan.admins().stream().map(Object::toString).collect(Collectors.joining(", "));
        String cps = plan.controlPlanes().stream().map(n -> n.ip() + ":50000").collect(Collectors.joining(", "));
        String workers = plan.workers().stream().map(Node::ip).map(ip -> ip + ":50000").collect(Collectors.joining(", "));
        if (plan.apiLoadBalancer().isPresent()) {
            ApiLoadBalancer lb = plan.apiLoadBalancer().get();
            t.row("Kubernetes API (cluster endpoint)", plan.endpointUrl(), "the nodes, through the API load balancer"
                    + (plan.adminsInsideVcn() ? "; admins (" + admins + ")" : ""));
            if (!plan.adminsInsideVcn()) {
                t.row("Kubernetes API (admins)", plan.adminApiUrl(), "admins (" + admins + "), through the API load balancer");
            }
            t.row("Talos API (apid) through the API load balancer", plan.adminEndpointHost() + ":" + ApiLoadBalancer.TALOS_PORT,
                    "admins (" + admins + "); talosctl -e " + plan.adminEndpointHost() + " -n <node private IP>");
            t.row("Talos API (apid) of the control planes", cps, "admins (" + admins + "), the API load balancer " + lb.privateIp());
            if (!workers.isEmpty()) {
                t.row("Talos API (apid) of the workers", workers, "admins, the control planes (apid proxies talosctl's calls)");
            }
        } else {
            t.row("Kubernetes API", plan.endpointUrl(), "admins (" + admins + "), the nodes, pods");
            t.row("Talos API (apid) of the control planes", cps, "admins (" + admins + "), the Proxmox hosts");
            if (!workers.isEmpty()) {
                t.row("Talos API (apid) of the workers", workers, "admins, the control planes, the Proxmox hosts");
            }
        }
        var cilium = plan.spec().addons().cilium();
        if (cilium != null && cilium.hubble() != null && cilium.hubble().relay()) {
            t.row("Hubble relay", "kube-system/hubble-relay:80", "kubectl port-forward from an admin's machine");
        }
        plan.spec().proxmoxIfAny().ifPresent(p -> p.hosts().forEach(h ->
                t.row("Proxmox UI of " + h.name(), "https://" + h.privateIp() + ":8006", "admins (" + admins + ")")));
        return t.build();
    }
}
