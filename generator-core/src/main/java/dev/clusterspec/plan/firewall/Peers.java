package dev.clusterspec.plan.firewall;

import dev.clusterspec.plan.ClusterPlan;
import dev.clusterspec.plan.PublicExposure;
import dev.clusterspec.spec.Proxmox;
import dev.clusterspec.spec.ServiceSpec;
import java.util.List;
import java.util.Optional;

/** The typed peers of one cluster, built once so every layer names the same things the same way. */
final class Peers {

    private final ClusterPlan plan;

    Peers(ClusterPlan plan) {
        this.plan = plan;
    }

    ClusterPlan plan() {
        return plan;
    }

    Endpoint.World world() {
        return new Endpoint.World();
    }

    Endpoint.Admins admins() {
        return new Endpoint.Admins(plan.admins());
    }

    Optional<Endpoint.Bastion> bastion() {
        return plan.spec().bastionIfAny().map(b -> new Endpoint.Bastion(b.privateIp()));
    }

    List<Proxmox.Host> hosts() {
        return plan.spec().proxmoxIfAny().map(Proxmox::hosts).orElse(List.of());
    }

    Endpoint.ProxmoxHosts hosts(Endpoint.Side side) {
        return new Endpoint.ProxmoxHosts(side, hosts().stream().map(h -> host(h, side)).toList());
    }

    Endpoint.ProxmoxHost host(Proxmox.Host host, Endpoint.Side side) {
        return new Endpoint.ProxmoxHost(host.name(), side, side == Endpoint.Side.VCN ? host.privateIp() : host.bridgeIp());
    }

    Endpoint.Nodes nodes(Endpoint.NodeGroup group) {
        return new Endpoint.Nodes(group, plan.nodes().stream().filter(group::includes).toList());
    }

    /** The tailnet gateway on the bridge, if the spec has one and a host masquerades its egress. */
    Optional<Endpoint.MeshGateway> meshGateway() {
        return plan.meshGateway().flatMap(g -> FirewallPlan.gatewayHostOf(plan)
                .map(natHost -> new Endpoint.MeshGateway(g.hostname(), g.ip(), natHost.name())));
    }

    /** The control-plane VIP (nested topology). */
    Optional<Endpoint.VirtualIp> vip() {
        return Optional.ofNullable(plan.vip()).map(Endpoint.VirtualIp::new);
    }

    /** The API's network load balancer (direct topology). */
    Optional<Endpoint.ApiLoadBalancer> apiLoadBalancer() {
        return plan.apiLoadBalancer().map(lb -> new Endpoint.ApiLoadBalancer(lb.privateIp(), lb.publicHost().orElse(null)));
    }

    /** The CCM's load balancers of public services (direct topology with public services). */
    Optional<Endpoint.OciLoadBalancers> ociLoadBalancers() {
        boolean any = !plan.nested() && plan.spec().addons().ociCcm().enabled() && !plan.publicExposures().isEmpty();
        return any ? Optional.of(new Endpoint.OciLoadBalancers(plan.nodeNetwork())) : Optional.empty();
    }

    /** The nodes the CCM's load balancers forward to (the control planes are excluded when workers exist). */
    Endpoint.Nodes loadBalancerBackends() {
        return nodes(plan.spec().workers().isEmpty() ? Endpoint.NodeGroup.ALL : Endpoint.NodeGroup.WORKERS);
    }

    Endpoint.PodNetwork podNetwork() {
        return new Endpoint.PodNetwork(plan.spec().network().pods());
    }

    Optional<Endpoint.BridgeNetwork> bridge() {
        return plan.spec().proxmoxIfAny().filter(p -> plan.nested())
                .map(p -> new Endpoint.BridgeNetwork(p.bridge().name(), p.bridge().cidr()));
    }

    Endpoint.PublicService publicService(PublicExposure exposure) {
        ServiceSpec service = exposure.service();
        boolean nested = exposure.ingressHost() != null && exposure.loadBalancerIp() != null;
        return new Endpoint.PublicService(service.name(), service.namespace(), exposure.reservedIp(),
                nested ? exposure.ingressHost().name() : null,
                nested ? exposure.ingressHost().secondaryPrivateIp() : null,
                nested ? exposure.loadBalancerIp() : null);
    }

    /** Each port of each public service that arrives by the host DNAT (nested topology). */
    void forEachDnatedPort(java.util.function.BiConsumer<Endpoint.PublicService, ServiceSpec.Port> action) {
        for (PublicExposure exposure : plan().publicExposures()) {
            Endpoint.PublicService service = publicService(exposure);
            if (service.nested()) {
                exposure.service().ports().forEach(port -> action.accept(service, port));
            }
        }
    }

    /**
     * Whether the cluster has a tailnet (the operator or a mesh gateway). Without one, a subnet router
     * of the user's own still connects through NAT traversal or DERP over 443, which the stateful
     * layers let back in.
     */
    boolean tailnetInUse() {
        return plan.tailnet();
    }
}
