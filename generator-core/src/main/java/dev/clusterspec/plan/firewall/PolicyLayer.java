package dev.clusterspec.plan.firewall;

import dev.clusterspec.plan.ClusterPlan;
import dev.clusterspec.spec.NamespaceSpec;
import dev.clusterspec.spec.ServiceSpec;
import dev.clusterspec.spec.ServiceSpec.AllowFrom;
import java.util.List;
import java.util.Map;
import dev.clusterspec.plan.Ports;

/**
 * Network policies of the namespaces clusterspec creates. Every application namespace denies all
 * ingress and egress and then allows: DNS to CoreDNS, egress to the internet (not to cluster, node or
 * VCN addresses), metrics scraping from the monitoring namespace (on the port Alloy scrapes), kubelet
 * health checks from the pod's node, and per service the sources its exposure and {@code allowFrom}
 * name. A flow between two application namespaces is rendered twice: as egress at the source and as
 * ingress at the destination. The add-on namespaces deny all ingress (see {@link DefaultDeny}) and
 * allow what their pods need: Alloy's readiness probe from its node; the Tailscale operator and
 * proxies take no connections (their tailnet traffic answers connections they open).
 */
final class PolicyLayer {

    /** Namespace and labels of CoreDNS, as Talos deploys it. */
    static final Endpoint.Pods CORE_DNS = new Endpoint.Pods("kube-system", Map.of("k8s-app", "kube-dns"));
    /** The Tailscale operator's namespace, where its proxies for exposed services run. */
    static final String TAILSCALE_NAMESPACE = "tailscale";
    /** Where Cilium keeps the secrets of TLS-intercepting policies: created with Cilium, no pods of its own. */
    static final String CILIUM_SECRETS_NAMESPACE = "cilium-secrets";

    private PolicyLayer() {}

    /** Every namespace clusterspec creates, applications first, each with what its default deny covers. */
    static List<DefaultDeny> defaultDenies(ClusterPlan plan) {
        List<DefaultDeny> out = new java.util.ArrayList<>();
        for (NamespaceSpec namespace : plan.spec().namespaces()) {
            out.add(new DefaultDeny(namespace.name(), true, "deny all ingress and egress not allowed by another policy"));
        }
        String openEgress = "deny all ingress not allowed by another policy; egress stays open: ";
        if (plan.tailscale()) {
            out.add(new DefaultDeny(TAILSCALE_NAMESPACE, false, openEgress
                    + "the operator and its proxies reach the Tailscale control plane, DERP and peers, and the exposed services"));
        }
        if (scraped(plan)) {
            out.add(new DefaultDeny(plan.spec().addons().monitoring().namespace(), false, openEgress
                    + "Alloy reaches the API server, the pods and nodes it scrapes, and Grafana Cloud"));
        }
        out.add(new DefaultDeny(CILIUM_SECRETS_NAMESPACE, false, "deny all ingress not allowed by another policy; the namespace"
                + " only holds Cilium's secrets"));
        return List.copyOf(out);
    }

    /** Whether Grafana Alloy runs, scraping metrics from the monitoring namespace. */
    static boolean scraped(ClusterPlan plan) {
        var monitoring = plan.spec().addons().monitoring();
        return monitoring.alloy() != null && monitoring.alloy().enabled();
    }

    static List<Flow> derive(Peers peers) {
        ClusterPlan plan = peers.plan();
        FlowList out = new FlowList(Layer.NETWORK_POLICY);
        Endpoint host = new Endpoint.ClusterEntity(Endpoint.ClusterEntity.Entity.HOST);
        Endpoint remoteNode = new Endpoint.ClusterEntity(Endpoint.ClusterEntity.Entity.REMOTE_NODE);
        var monitoring = plan.spec().addons().monitoring();
        boolean scraped = scraped(plan);

        for (NamespaceSpec namespace : plan.spec().namespaces()) {
            Endpoint.Pods everyPod = Endpoint.Pods.all(namespace.name());
            out.allow(everyPod, CORE_DNS, Protocol.UDP, Ports.DNS, "DNS to CoreDNS");
            out.allow(everyPod, CORE_DNS, Protocol.TCP, Ports.DNS, "DNS to CoreDNS");
            out.allow(everyPod, peers.world(), Protocol.ANY, PortRange.ALL, "egress to the internet");
            if (scraped) {
                // exactly what Alloy scrapes: pods of the application namespaces by this container port name
                out.allow(Endpoint.Pods.all(monitoring.namespace()), everyPod, Protocol.TCP,
                        PortRange.named(Ports.WORKLOAD_METRICS_PORT_NAME), "metrics scraped by Grafana Alloy");
            }
            out.allow(host, everyPod, Protocol.ANY, PortRange.ALL, "kubelet health checks from the pod's own node");

            for (ServiceSpec service : plan.spec().services()) {
                if (service.namespace().equals(namespace.name())) {
                    serviceSources(peers, service, remoteNode, out);
                }
            }
        }
        if (scraped) {
            out.allow(host, Endpoint.Pods.all(monitoring.namespace()), Protocol.ANY, PortRange.ALL,
                    "kubelet health checks from the pod's own node");
        }
        return out.flows();
    }

    private static void serviceSources(Peers peers, ServiceSpec service, Endpoint remoteNode, FlowList out) {
        Endpoint.Pods backends = new Endpoint.Pods(service.namespace(), service.selector());
        String name = service.namespace() + "/" + service.name();
        for (ServiceSpec.Port port : service.ports()) {
            Protocol protocol = Protocol.of(port.protocol());
            int target = port.targetPort();
            switch (service.exposure()) {
                case PUBLIC -> {
                    out.allow(peers.world(), backends, protocol, target, name + ": public clients (reserved IP)");
                    out.allow(remoteNode, backends, protocol, target, name + ": LoadBalancer traffic forwarded by another node");
                }
                case TAILNET -> {
                    if (peers.plan().spec().addons().tailscale().enabled()) {
                        out.allow(Endpoint.Pods.all(TAILSCALE_NAMESPACE), backends, protocol, target,
                                name + ": tailnet clients through the Tailscale proxy");
                    }
                }
                case CLUSTER -> {
                    // reachable only from what allowFrom names
                }
            }
            for (AllowFrom from : service.allowFrom()) {
                for (Endpoint source : sources(service, from)) {
                    out.allow(source, backends, protocol, target, name + ": allowFrom");
                }
            }
        }
    }

    /** An entry names a CIDR or a namespace's pods (validation rejects both or neither; labels alone would mean the service's namespace). */
    private static List<Endpoint> sources(ServiceSpec service, AllowFrom from) {
        List<Endpoint> sources = new java.util.ArrayList<>();
        if (from.cidr() != null) {
            sources.add(new Endpoint.CidrBlock(from.cidr()));
        }
        if (from.namespace() != null || !from.podLabels().isEmpty()) {
            String namespace = from.namespace() != null ? from.namespace() : service.namespace();
            sources.add(new Endpoint.Pods(namespace, from.podLabels()));
        }
        return sources;
    }
}
