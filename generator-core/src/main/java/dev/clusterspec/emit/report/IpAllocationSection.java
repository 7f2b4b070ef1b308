package dev.clusterspec.emit.report;

import dev.clusterspec.emit.oci.OciInstancesEmitter;
import dev.clusterspec.plan.ApiLoadBalancer;
import dev.clusterspec.plan.ClusterPlan;
import dev.clusterspec.plan.PublicExposure;
import dev.clusterspec.spec.Bastion;
import dev.clusterspec.spec.Cidr;
import dev.clusterspec.spec.ClusterSpec;
import dev.clusterspec.spec.Ip;
import dev.clusterspec.spec.Network.LoadBalancerPool;
import dev.clusterspec.spec.Node;
import dev.clusterspec.spec.Oci.ReservedIp;
import dev.clusterspec.spec.Proxmox;
import dev.clusterspec.spec.Proxmox.Host;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Every address and block the cluster uses, with its purpose (the seed's table), and the space left. */
final class IpAllocationSection {

    /** Kubernetes gives the API Service the first address of the service network and CoreDNS the tenth (Talos's default). */
    private static final int KUBERNETES_SERVICE_OFFSET = 1;
    private static final int DNS_SERVICE_OFFSET = 10;

    private IpAllocationSection() {}

    static Section build(ClusterPlan plan) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(Block.Paragraph.of("Every address and block this cluster uses. Public addresses are the OCI reserved IPs; "
                + "everything else is private."));
        blocks.add(allocation(plan));
        blocks.add(new Block.Heading("free-space", "Free space"));
        blocks.add(Block.Paragraph.of("What is left in each planned block after the addresses above (and those the platform "
                + "reserves: OCI keeps the first two and the last address of a subnet; network and broadcast addresses are never handed out)."));
        blocks.add(freeSpace(plan));
        return new Section("ip-allocation", "IP allocation", blocks);
    }

    private static Block allocation(ClusterPlan plan) {
        ClusterSpec spec = plan.spec();
        TableBuilder t = TableBuilder.of("resource", "type", "CIDR / address", "purpose").code(2);
        for (ReservedIp reserved : spec.oci().reservedIps()) {
            t.row("Reserved IP " + reserved.name(), "OCI reserved public", reserved.address().toString(), reservedPurpose(plan, reserved));
        }
        spec.bastionIfAny().ifPresent(b -> t.row("Bastion", "OCI private", b.privateIp().toString(),
                (plan.nested() ? "jump host (SSH to the Proxmox hosts)" : "jump host into the subnet"
                        + (plan.adminsInsideVcn() ? " (admins run talosctl and kubectl there)" : ""))
                        + "; public address: " + bastionPublic(plan, b)));
        t.row("VCN", "OCI private", spec.oci().vcn().cidr().toString(), "virtual cloud network in " + spec.oci().region());
        t.row("VCN subnet", "OCI private", spec.oci().vcn().subnet().toString(),
                plan.nested() ? "VNICs of the Proxmox hosts and the bastion"
                        : "the Talos nodes (OCI instances), the bastion and the load balancers");
        spec.proxmoxIfAny().ifPresent(proxmox -> proxmoxRows(plan, proxmox, t));
        if (plan.vip() != null) {
            t.row("Control-plane VIP", "bridge (shared L2 address)", plan.vip().toString(),
                    "Kubernetes API " + plan.endpointUrl() + ", held by one control plane at a time");
        }
        plan.apiLoadBalancer().ifPresent(lb -> t.row("API load balancer", "OCI private (NLB)", lb.privateIp().toString(),
                "network load balancer of the Kubernetes API (:" + lb.apiPort() + ") and talosctl (:" + ApiLoadBalancer.TALOS_PORT
                        + ") → the control planes; the cluster endpoint " + plan.endpointUrl() + "; public address: "
                        + lb.publicHost().map(h -> lb.reservedIp().isPresent() && lb.publicName().isEmpty() ? "reserved IP " + lb.reservedIp().get().name()
                                : h).orElse("ephemeral")));
        for (Node node : plan.nodes()) {
            t.row("Talos " + node.name(), plan.nested() ? "bridge" : "OCI private", node.ip().toString(), nodePurpose(plan, node));
        }
        for (LoadBalancerPool pool : spec.network().loadBalancerPools()) {
            t.row("LB pool " + pool.name(), "Cilium LB-IPAM", pool.cidr().toString(),
                    "LoadBalancer IPs, announced by Cilium L2 on " + (plan.nested() ? spec.proxmox().bridge().name() : "the subnet"));
        }
        for (PublicExposure exposure : plan.publicExposures()) {
            if (exposure.loadBalancerIp() != null) {
                t.row("LoadBalancer IP of " + serviceName(exposure), "Cilium LB-IPAM (pool " + exposure.poolName() + ")",
                        exposure.loadBalancerIp().toString(), exposure.ingressHost() != null
                                ? "DNAT target of " + exposure.ingressHost().name() + " for reserved IP " + exposure.reservedIpName()
                                : "no Proxmox host receives reserved IP " + exposure.reservedIpName());
            }
        }
        Cidr services = spec.network().services();
        t.row("Pod network", "Kubernetes", spec.network().pods().toString(), "pod addresses (each node gets a slice as its podCIDR)");
        t.row("Service network", "Kubernetes", services.toString(), "ClusterIPs of Services");
        t.row("kubernetes Service", "Kubernetes", services.addressAt(KUBERNETES_SERVICE_OFFSET).toString(), "in-cluster address of the API server");
        t.row("Cluster DNS", "Kubernetes", services.addressAt(DNS_SERVICE_OFFSET).toString(),
                "CoreDNS Service (kube-dns), names under " + spec.network().clusterDomain());
        if (plan.tailnet()) {
            t.row("Tailnet", "Tailscale mesh", spec.network().tailnet().toString(), plan.nested()
                    ? "Tailscale addresses: the operator, one proxy per tailnet service, the admins' devices"
                    : "Tailscale addresses: the operator, one proxy per tailnet service, the devices that use them");
        }
        if (!plan.admins().equals(List.of(spec.network().tailnet()))) {
            t.row("Admins", "firewall sources", plan.admins().stream().map(Cidr::toString).collect(Collectors.joining(", ")),
                    plan.nested() ? "may use talosctl, kubectl and the Proxmox UI"
                            : plan.adminsInsideVcn() ? "may use talosctl and kubectl"
                            : "may use talosctl and kubectl through the API load balancer, and reach nodes in maintenance mode");
        }
        for (Ip nameserver : spec.network().nameservers()) {
            t.row("DNS resolver", "upstream", nameserver.toString(), "nameserver of the Talos nodes");
        }
        return t.build();
    }

    private static void proxmoxRows(ClusterPlan plan, Proxmox proxmox, TableBuilder t) {
        for (Host host : proxmox.hosts()) {
            t.row("Proxmox " + host.name(), "OCI private (VNIC)", host.privateIp().toString(),
                    "primary private IP of the host; its public address is ephemeral");
            host.secondaryPrivateIpIfAny().ifPresent(ip -> t.row(host.name() + " secondary IP", "OCI private (VNIC)", ip.toString(),
                    secondaryPurpose(plan, host)));
        }
        Proxmox.Bridge bridge = proxmox.bridge();
        t.row("Proxmox " + bridge.name(), "private", bridge.cidr().toString(), "VM network of the Talos VMs");
        for (Host host : proxmox.hosts()) {
            boolean gateway = host.bridgeIp().equals(bridge.gateway());
            t.row(host.name() + " on " + bridge.name(), "bridge", host.bridgeIp().toString(),
                    gateway ? "the host's bridge address; default gateway of the VMs (routes and masquerades their egress)"
                            : "the host's bridge address");
        }
        plan.meshGateway().ifPresent(g -> t.row("Mesh gateway " + g.hostname(), "bridge", g.ip().toString(),
                "Tailscale subnet router (container " + g.ctid() + " on " + g.host() + "); next hop of the tailnet route of every node and host"));
        if (proxmox.hosts().stream().noneMatch(h -> h.bridgeIp().equals(bridge.gateway()))) {
            t.row("Bridge gateway", "bridge", bridge.gateway().toString(), "default gateway of the VMs (not a Proxmox host)");
        }
    }

    private static String reservedPurpose(ClusterPlan plan, ReservedIp reserved) {
        List<String> uses = new ArrayList<>();
        plan.spec().bastionIfAny().filter(b -> reserved.name().equals(b.reservedIp())).ifPresent(b -> uses.add("public address of the bastion"));
        plan.apiLoadBalancer().filter(lb -> lb.reservedIp().filter(reserved::equals).isPresent())
                .ifPresent(lb -> uses.add("public address of the API load balancer"));
        List<PublicExposure> services = plan.publicExposures().stream().filter(e -> e.reservedIpName().equals(reserved.name())).toList();
        if (!services.isEmpty()) {
            String names = services.stream().map(IpAllocationSection::serviceName).collect(Collectors.joining(", "));
            Host ingress = services.get(0).ingressHost();
            if (ingress != null && ingress.secondaryPrivateIp() != null) {
                uses.add("public services " + names + "; OCI maps it to " + ingress.secondaryPrivateIp() + " on " + ingress.name());
            } else if (plan.nested()) {
                uses.add("public services " + names + "; no Proxmox host receives it");
            } else {
                uses.add("public services " + names + " on an OCI flexible load balancer (CCM)");
            }
        }
        return uses.isEmpty() ? "not used by this cluster" : String.join("; ", uses);
    }

    private static String bastionPublic(ClusterPlan plan, Bastion bastion) {
        return bastion.reservedIpName()
                .map(name -> "reserved IP " + name + plan.spec().oci().reservedIp(name).map(r -> " (" + r.address() + ")").orElse(""))
                .orElse("ephemeral");
    }

    private static String secondaryPurpose(ClusterPlan plan, Host host) {
        return host.ingressReservedIp()
                .map(name -> "OCI maps reserved IP " + name
                        + plan.spec().oci().reservedIp(name).map(r -> " (" + r.address() + ")").orElse("")
                        + " here; nftables DNATs it to the LoadBalancer IPs")
                .orElse("secondary private IP (no reserved IP mapped to it)");
    }

    private static String nodePurpose(ClusterPlan plan, Node node) {
        StringBuilder out = new StringBuilder(node.isControlPlane() ? "control plane" : "worker");
        if (plan.nodesHavePublicIps()) {
            out.append(" (" + OciInstancesEmitter.SHAPE + ", " + node.ocpus() + " OCPU, " + node.memoryGb() + " GB); public address: ephemeral");
        }
        if (node.host() != null) {
            out.append(" on ").append(node.host());
        }
        if (node.vmid() != null) {
            out.append(" (VM ").append(node.vmid()).append(')');
        }
        return out.toString();
    }

    private static String serviceName(PublicExposure exposure) {
        return exposure.service().namespace() + "/" + exposure.service().name();
    }

    private static Block freeSpace(ClusterPlan plan) {
        ClusterSpec spec = plan.spec();
        TableBuilder t = TableBuilder.of("block", "CIDR", "size", "free", "free ranges").code(1).numeric(2, 3);
        FreeSpace vcn = new FreeSpace(spec.oci().vcn().cidr()).take(spec.oci().vcn().subnet());
        t.row("VCN", spec.oci().vcn().cidr().toString(), count(vcn.size()), count(vcn.freeCount()), vcn.blocks());

        FreeSpace subnet = new FreeSpace(spec.oci().vcn().subnet()).takeOffset(0).takeOffset(1).takeOffset(-1);
        spec.bastionIfAny().ifPresent(b -> subnet.take(b.privateIp()));
        spec.proxmoxIfAny().ifPresent(p -> p.hosts().forEach(h -> {
            subnet.take(h.privateIp());
            h.secondaryPrivateIpIfAny().ifPresent(subnet::take);
        }));
        if (!plan.nested()) {
            takeClusterAddresses(plan, subnet);
        }
        t.row("VCN subnet", spec.oci().vcn().subnet().toString(), count(subnet.size()), count(subnet.freeCount()), subnet.ranges());

        spec.proxmoxIfAny().ifPresent(p -> {
            FreeSpace bridge = new FreeSpace(p.bridge().cidr()).takeOffset(0).takeOffset(-1).take(p.bridge().gateway());
            p.hosts().forEach(h -> bridge.take(h.bridgeIp()));
            plan.meshGateway().ifPresent(g -> bridge.take(g.ip()));
            takeClusterAddresses(plan, bridge);
            t.row("Proxmox " + p.bridge().name(), p.bridge().cidr().toString(), count(bridge.size()), count(bridge.freeCount()), bridge.ranges());
        });
        for (LoadBalancerPool pool : spec.network().loadBalancerPools()) {
            FreeSpace space = new FreeSpace(pool.cidr()).takeOffset(0).takeOffset(-1);
            plan.publicExposures().stream().filter(e -> e.loadBalancerIp() != null && pool.cidr().contains(e.loadBalancerIp()))
                    .forEach(e -> space.take(e.loadBalancerIp()));
            t.row("LB pool " + pool.name(), pool.cidr().toString(), count(space.size()), count(space.freeCount()), space.ranges());
        }
        return t.build();
    }

    /** The VIP (or the API load balancer), the nodes and the LoadBalancer pools, wherever they sit. */
    private static void takeClusterAddresses(ClusterPlan plan, FreeSpace space) {
        if (plan.vip() != null) {
            space.take(plan.vip());
        }
        plan.apiLoadBalancer().ifPresent(lb -> space.take(lb.privateIp()));
        plan.nodes().forEach(n -> space.take(n.ip()));
        plan.spec().network().loadBalancerPools().forEach(pool -> space.take(pool.cidr()));
    }

    private static String count(long n) {
        return Long.toString(n);
    }
}
