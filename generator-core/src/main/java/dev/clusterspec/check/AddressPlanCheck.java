package dev.clusterspec.check;

import dev.clusterspec.spec.Cidr;
import dev.clusterspec.spec.ClusterSpec;
import dev.clusterspec.spec.Ip;
import dev.clusterspec.spec.Network.LoadBalancerPool;
import dev.clusterspec.spec.ServiceSpec.Exposure;
import dev.clusterspec.spec.Topology;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The address plan holds together: ranges do not overlap, every address lies where it must and
 * is used once, and pools are big enough.
 */
final class AddressPlanCheck implements SpecCheck {

    /** A named range of the plan with where it is written. */
    private record Range(String what, Cidr cidr, String pointer) {}

    @Override
    public void check(CheckContext context) {
        ClusterSpec spec = context.spec();
        List<Range> ranges = new ArrayList<>();
        ranges.add(new Range("pod CIDR", spec.network().pods(), "/network/pods"));
        ranges.add(new Range("service CIDR", spec.network().services(), "/network/services"));
        ranges.add(new Range("tailnet", spec.network().tailnet(), "/network/tailnet"));
        ranges.add(new Range("VCN", spec.oci().vcn().cidr(), "/oci/vcn/cidr"));
        spec.proxmoxIfAny().ifPresent(p -> ranges.add(new Range("bridge " + p.bridge().name(), p.bridge().cidr(), "/proxmox/bridge/cidr")));
        for (Range range : ranges) {
            hostBits(context, range);
        }
        for (int i = 0; i < ranges.size(); i++) {
            for (int j = i + 1; j < ranges.size(); j++) {
                Range a = ranges.get(i);
                Range b = ranges.get(j);
                if (a.cidr().overlaps(b.cidr())) {
                    context.error(b.pointer(), b.what() + " " + b.cidr() + " overlaps the " + a.what() + " " + a.cidr()
                            + "; every range of the address plan must be separate");
                }
            }
        }
        Cidr subnet = spec.oci().vcn().subnet();
        hostBits(context, new Range("subnet", subnet, "/oci/vcn/subnet"));
        if (!spec.oci().vcn().cidr().contains(subnet)) {
            context.error("/oci/vcn/subnet", "subnet " + subnet + " is not inside the VCN " + spec.oci().vcn().cidr());
        }
        checkPools(context, spec, ranges);
        checkHostAddresses(context, spec, subnet);
        checkNodeAddresses(context, spec);
    }

    private static void hostBits(CheckContext context, Range range) {
        if (range.cidr().hasHostBits()) {
            context.error(range.pointer(), range.what() + " " + range.cidr() + " has host bits set; write the network address "
                    + range.cidr().network() + "/" + range.cidr().prefixLength());
        }
    }

    /** Where nodes live: the bridge when nested, the VCN subnet when direct. */
    private static Range nodeNetwork(ClusterSpec spec) {
        if (spec.topology() == Topology.NESTED && spec.proxmox() != null) {
            return new Range("bridge " + spec.proxmox().bridge().name(), spec.proxmox().bridge().cidr(), "/proxmox/bridge/cidr");
        }
        return new Range("subnet", spec.oci().vcn().subnet(), "/oci/vcn/subnet");
    }

    private static void checkPools(CheckContext context, ClusterSpec spec, List<Range> ranges) {
        List<LoadBalancerPool> pools = spec.network().loadBalancerPools();
        Range home = nodeNetwork(spec);
        for (int i = 0; i < pools.size(); i++) {
            LoadBalancerPool pool = pools.get(i);
            String at = "/network/loadBalancerPools/" + i + "/cidr";
            hostBits(context, new Range("pool " + pool.name(), pool.cidr(), at));
            if (!home.cidr().contains(pool.cidr())) {
                context.error(at, "pool " + pool.name() + " " + pool.cidr() + " is not inside the " + home.what() + " " + home.cidr()
                        + "; Cilium announces pool addresses on Layer 2, so they must be on the nodes' network");
            }
            for (Range range : ranges) {
                if (range.cidr().contains(home.cidr())) {
                    // the pool's own network (and the VCN around a direct topology's subnet)
                    continue;
                }
                if (range.cidr().overlaps(pool.cidr())) {
                    context.error(at, "pool " + pool.name() + " " + pool.cidr() + " overlaps the " + range.what() + " " + range.cidr());
                }
            }
            for (int j = 0; j < i; j++) {
                if (pools.get(j).cidr().overlaps(pool.cidr())) {
                    context.error(at, "pool " + pool.name() + " overlaps pool " + pools.get(j).name());
                }
            }
        }
        long publicServices = spec.services().stream().filter(s -> s.exposure() == Exposure.PUBLIC).count();
        if (spec.topology() == Topology.NESTED && publicServices > 0) {
            if (pools.isEmpty()) {
                context.error("/network", publicServices + " public service(s) need a LoadBalancer IP, but network.loadBalancerPools is empty;"
                        + " add a pool inside the bridge, e.g. {name: lan, cidr: 10.0.0.192/27}");
            }
            for (int i = 0; i < pools.size(); i++) {
                LoadBalancerPool pool = pools.get(i);
                List<String> users = spec.services().stream()
                        .filter(s -> s.exposure() == Exposure.PUBLIC && spec.network().poolOf(s).filter(pool::equals).isPresent())
                        .map(s -> s.name()).toList();
                // the network and broadcast addresses are never handed out (allowFirstLastIPs: No)
                long usable = Math.max(pool.cidr().size() - 2, 0);
                if (usable < users.size()) {
                    context.error("/network/loadBalancerPools/" + i + "/cidr", "pool " + pool.name() + " " + pool.cidr() + " has " + usable
                            + " usable address(es) for " + users.size() + " public services (" + String.join(", ", users)
                            + "); enlarge it, or move services to another pool (services[].pool)");
                }
            }
        }
    }

    /**
     * VCN addresses: OCI hands out the primary private IPs, so they are registered first and a clash
     * with a secondary IP is reported on the secondary IP, the one the user picked.
     */
    private static void checkHostAddresses(CheckContext context, ClusterSpec spec, Cidr subnet) {
        spec.bastionIfAny().ifPresent(b -> inside(context, "/bastion/privateIp", "bastion", b.privateIp(), subnet, "VCN subnet"));
        spec.proxmoxIfAny().ifPresent(p -> {
            Cidr bridge = p.bridge().cidr();
            inside(context, "/proxmox/bridge/gateway", "gateway", p.bridge().gateway(), bridge, "bridge");
            Map<Ip, String> vcnAddresses = new HashMap<>();
            spec.bastionIfAny().ifPresent(b -> vcnAddresses.put(b.privateIp(), "the bastion's private IP"));
            for (int i = 0; i < p.hosts().size(); i++) {
                var host = p.hosts().get(i);
                String at = "/proxmox/hosts/" + i;
                inside(context, at + "/privateIp", "host " + host.name(), host.privateIp(), subnet, "VCN subnet");
                inside(context, at + "/bridgeIp", "host " + host.name(), host.bridgeIp(), bridge, "bridge");
                once(context, at + "/privateIp", host.privateIp(), "host " + host.name() + "'s private IP", vcnAddresses);
            }
            for (int i = 0; i < p.hosts().size(); i++) {
                var host = p.hosts().get(i);
                String at = "/proxmox/hosts/" + i + "/secondaryPrivateIp";
                if (host.secondaryPrivateIp() != null) {
                    inside(context, at, "host " + host.name(), host.secondaryPrivateIp(), subnet, "VCN subnet");
                    once(context, at, host.secondaryPrivateIp(), "host " + host.name() + "'s secondary IP", vcnAddresses);
                }
            }
        });
    }

    private static void checkNodeAddresses(CheckContext context, ClusterSpec spec) {
        Range home = nodeNetwork(spec);
        Map<Ip, String> used = new HashMap<>();
        if (spec.topology() == Topology.DIRECT) {
            spec.bastionIfAny().ifPresent(b -> used.put(b.privateIp(), "the bastion's private IP"));
        }
        spec.proxmoxIfAny().ifPresent(p -> {
            for (int i = 0; i < p.hosts().size(); i++) {
                var host = p.hosts().get(i);
                once(context, "/proxmox/hosts/" + i + "/bridgeIp", host.bridgeIp(), "host " + host.name() + "'s bridge IP", used);
            }
        });
        // the endpoint of each topology; the other topology's is ignored there (ApiEndpointCheck says so)
        if (spec.topology() == Topology.NESTED && spec.controlPlane().vip() != null) {
            Ip vip = spec.controlPlane().vip();
            inside(context, "/controlPlane/vip", "the control-plane VIP", vip, home.cidr(), home.what());
            outsidePools(context, "/controlPlane/vip", "the control-plane VIP", vip, spec);
            once(context, "/controlPlane/vip", vip, "the control-plane VIP", used);
        }
        if (spec.topology() == Topology.DIRECT && spec.controlPlane().loadBalancer() != null) {
            Ip lb = spec.controlPlane().loadBalancer().privateIp();
            String at = "/controlPlane/loadBalancer/privateIp";
            inside(context, at, "the API load balancer", lb, home.cidr(), home.what());
            outsidePools(context, at, "the API load balancer", lb, spec);
            once(context, at, lb, "the API load balancer's private IP", used);
        }
        for (int i = 0; i < spec.nodes().size(); i++) {
            var node = spec.nodes().get(i);
            String at = "/nodes/" + i + "/ip";
            inside(context, at, "node " + node.name(), node.ip(), home.cidr(), home.what());
            outsidePools(context, at, "node " + node.name(), node.ip(), spec);
            once(context, at, node.ip(), "node " + node.name() + "'s address", used);
        }
    }

    static void inside(CheckContext context, String at, String who, Ip ip, Cidr cidr, String what) {
        if (!cidr.contains(ip)) {
            context.error(at, who + " address " + ip + " is not inside the " + what + " " + cidr);
        } else if (ip.equals(cidr.network()) || ip.equals(cidr.addressAt(cidr.size() - 1))) {
            context.error(at, who + " address " + ip + " is the network or broadcast address of " + cidr);
        }
    }

    static void outsidePools(CheckContext context, String at, String who, Ip ip, ClusterSpec spec) {
        for (LoadBalancerPool pool : spec.network().loadBalancerPools()) {
            if (pool.cidr().contains(ip)) {
                context.error(at, who + " address " + ip + " lies in LoadBalancer pool " + pool.name() + " " + pool.cidr()
                        + "; Cilium could hand it to a service");
            }
        }
    }

    /** Registers the address as {@code what}; a second use is reported where it is written, naming the first. */
    private static void once(CheckContext context, String at, Ip ip, String what, Map<Ip, String> used) {
        String other = used.putIfAbsent(ip, what);
        if (other != null) {
            context.error(at, what + " " + ip + " is already used as " + other + "; each address may be used once");
        }
    }
}
