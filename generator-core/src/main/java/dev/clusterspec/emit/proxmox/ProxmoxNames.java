package dev.clusterspec.emit.proxmox;

import dev.clusterspec.plan.firewall.Endpoint;
import dev.clusterspec.plan.firewall.Endpoint.NodeGroup;
import dev.clusterspec.spec.Cidr;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How endpoints are named in Proxmox firewall files: aliases for single addresses and networks,
 * ipsets ({@code +name}) for address lists, security groups per node group. Names follow Proxmox's
 * rule {@code [A-Za-z][A-Za-z0-9-_]+}; groups are at most 18 characters.
 */
final class ProxmoxNames {

    /** An alias or ipset definition for cluster.fw, with the comment that says what it is. */
    record Definition(String name, List<String> members, String comment) {
        /** As a template model (FreeMarker reads maps, not record accessors). */
        Map<String, Object> model() {
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("name", name);
            model.put("members", members);
            model.put("comment", comment);
            return model;
        }
    }

    private final Map<String, Definition> aliases = new LinkedHashMap<>();
    private final Map<String, Definition> ipsets = new LinkedHashMap<>();

    /** The {@code -source}/{@code -dest} value of an endpoint, defining its alias or ipset on first use; null = anywhere. */
    String reference(Endpoint endpoint) {
        if (endpoint instanceof Endpoint.World) {
            return null;
        } else if (endpoint instanceof Endpoint.Admins a) {
            return ipset("admins", cidrs(a.cidrs()), "firewall.admins");
        } else if (endpoint instanceof Endpoint.Tailnet t) {
            return alias("tailnet", t.cidr().toString(), "the tailnet");
        } else if (endpoint instanceof Endpoint.Bastion b) {
            return alias("bastion", b.address().toString(), "the bastion (jump host)");
        } else if (endpoint instanceof Endpoint.ProxmoxHost h) {
            return alias(h.name() + (h.side() == Endpoint.Side.VCN ? "" : "_bridge"), h.address().toString(), "host " + h.name());
        } else if (endpoint instanceof Endpoint.ProxmoxHosts h) {
            boolean vcn = h.side() == Endpoint.Side.VCN;
            return ipset(vcn ? "pve-hosts" : "pve-bridge", h.hosts().stream().map(x -> x.address().toString()).toList(),
                    "the Proxmox hosts' " + (vcn ? "private IPs in the VCN" : "addresses on the bridge"));
        } else if (endpoint instanceof Endpoint.Nodes n) {
            return ipset(nodeSetName(n.group()), n.members().stream().map(m -> m.ip().toString()).toList(), "Talos " + n.group().text());
        } else if (endpoint instanceof Endpoint.VirtualIp v) {
            return alias("vip", v.address().toString(), "control-plane VIP");
        } else if (endpoint instanceof Endpoint.PodNetwork p) {
            return alias("pod_network", p.cidr().toString(), "pod network");
        } else if (endpoint instanceof Endpoint.BridgeNetwork b) {
            return alias("bridge_network", b.cidr().toString(), "VM bridge " + b.bridge());
        } else if (endpoint instanceof Endpoint.CidrBlock c) {
            return c.cidr().toString();
        } else if (endpoint instanceof Endpoint.PublicService s && s.nested()) {
            return s.loadBalancerIp().toString();
        }
        throw new IllegalArgumentException("not a Proxmox firewall peer: " + endpoint.label());
    }

    static String groupName(NodeGroup group) {
        switch (group) {
            case CONTROL_PLANES: return "talos-cp";
            case WORKERS: return "talos-worker";
            default: return "talos-node";
        }
    }

    private static String nodeSetName(NodeGroup group) {
        switch (group) {
            case CONTROL_PLANES: return "talos-cps";
            case WORKERS: return "talos-workers";
            default: return "talos-nodes";
        }
    }

    private String alias(String name, String value, String comment) {
        aliases.putIfAbsent(name, new Definition(name, List.of(value), comment));
        return name;
    }

    private String ipset(String name, List<String> members, String comment) {
        ipsets.putIfAbsent(name, new Definition(name, List.copyOf(members), comment));
        return "+" + name;
    }

    private static List<String> cidrs(List<Cidr> cidrs) {
        List<String> out = new ArrayList<>();
        cidrs.forEach(c -> out.add(c.toString()));
        return out;
    }

    List<Definition> aliases() {
        return List.copyOf(aliases.values());
    }

    List<Definition> ipsets() {
        return List.copyOf(ipsets.values());
    }
}
