package dev.clusterspec.plan.firewall;

import dev.clusterspec.spec.Cidr;
import dev.clusterspec.spec.Ip;
import dev.clusterspec.spec.Node;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One end of a flow, typed by what it is rather than by its addresses, so that every layer can
 * render it its own way: as CIDRs (OCI, nftables, Talos, Proxmox), as an alias or ipset name
 * (Proxmox), or as a selector or entity (network policies).
 */
public sealed interface Endpoint {

    /** The addresses this peer has, for IP-based layers; empty for selectors and Cilium entities. */
    List<Cidr> cidrs();

    /** Short human text for the firewall matrix. */
    String label();

    /** The internet: every IPv4 address. */
    record World() implements Endpoint {
        public static final Cidr ANYWHERE = Cidr.of("0.0.0.0/0");

        @Override
        public List<Cidr> cidrs() {
            return List.of(ANYWHERE);
        }

        @Override
        public String label() {
            return "world (0.0.0.0/0)";
        }
    }

    /** The administrators (firewall.admins; the tailnet unless the spec says otherwise). */
    record Admins(List<Cidr> cidrs) implements Endpoint {
        public Admins {
            cidrs = List.copyOf(cidrs);
        }

        @Override
        public String label() {
            return "admins (" + join(cidrs) + ")";
        }
    }

    /** The Tailscale network. */
    record Tailnet(Cidr cidr) implements Endpoint {
        @Override
        public List<Cidr> cidrs() {
            return List.of(cidr);
        }

        @Override
        public String label() {
            return "tailnet (" + cidr + ")";
        }
    }

    /** The bastion (jump host) at its private address in the VCN. */
    record Bastion(Ip address) implements Endpoint {
        @Override
        public List<Cidr> cidrs() {
            return List.of(address.asHostCidr());
        }

        @Override
        public String label() {
            return "bastion (" + address + ")";
        }
    }

    /** Which of a Proxmox host's addresses a peer is seen with. */
    enum Side {
        /** The primary private IP of the host's VNIC in the VCN subnet. */
        VCN,
        /** The host's address on the VM bridge. */
        BRIDGE
    }

    /** One Proxmox host at one of its addresses. */
    record ProxmoxHost(String name, Side side, Ip address) implements Endpoint {
        @Override
        public List<Cidr> cidrs() {
            return List.of(address.asHostCidr());
        }

        @Override
        public String label() {
            return "host " + name + " (" + address + ")";
        }
    }

    /** Every Proxmox host, seen from the VCN or from the bridge. */
    record ProxmoxHosts(Side side, List<ProxmoxHost> hosts) implements Endpoint {
        public ProxmoxHosts {
            hosts = List.copyOf(hosts);
            if (hosts.stream().anyMatch(h -> h.side() != side)) {
                throw new IllegalArgumentException("all hosts must be seen from " + side);
            }
        }

        @Override
        public List<Cidr> cidrs() {
            return Cidr.merge(hosts.stream().map(h -> h.address().asHostCidr()).toList());
        }

        @Override
        public String label() {
            return "Proxmox hosts (" + (side == Side.VCN ? "VCN" : "bridge") + ": "
                    + hosts.stream().map(h -> h.address().toString()).collect(Collectors.joining(", ")) + ")";
        }
    }

    /** Which Talos nodes. */
    enum NodeGroup {
        ALL("nodes"), CONTROL_PLANES("control planes"), WORKERS("workers");

        private final String text;

        NodeGroup(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }

        public boolean includes(Node node) {
            return switch (this) {
                case ALL -> true;
                case CONTROL_PLANES -> node.isControlPlane();
                case WORKERS -> !node.isControlPlane();
            };
        }
    }

    /** Talos nodes of a role, at their node addresses. */
    record Nodes(NodeGroup group, List<Node> members, java.util.Set<String> names) implements Endpoint {
        public Nodes {
            members = List.copyOf(members);
            names = java.util.Set.copyOf(names);
        }

        /** The members' names are kept as a set: every node's rules ask about every group. */
        public Nodes(NodeGroup group, List<Node> members) {
            this(group, members, members.stream().map(Node::name).collect(Collectors.toSet()));
        }

        public boolean includes(Node node) {
            return names.contains(node.name());
        }

        @Override
        public List<Cidr> cidrs() {
            // merged: one block per run of consecutive addresses, not one per node
            return Cidr.merge(members.stream().map(n -> n.ip().asHostCidr()).toList());
        }

        @Override
        public String label() {
            return group.text() + " (" + members.stream().map(Node::name).collect(Collectors.joining(", ")) + ")";
        }
    }

    /**
     * The Tailscale subnet router container on the bridge: admins' traffic reaches the nodes through
     * it with the admins' own addresses; its WireGuard port is DNATed to it by {@code natHost}, the
     * host whose address its egress is masqueraded to.
     */
    record MeshGateway(String hostname, Ip address, String natHost) implements Endpoint {
        @Override
        public List<Cidr> cidrs() {
            return List.of(address.asHostCidr());
        }

        @Override
        public String label() {
            return "mesh gateway " + hostname + " (" + address + ")";
        }
    }

    /** The control-plane virtual IP (held by one control plane at a time). */
    record VirtualIp(Ip address) implements Endpoint {
        @Override
        public List<Cidr> cidrs() {
            return List.of(address.asHostCidr());
        }

        @Override
        public String label() {
            return "control-plane VIP (" + address + ")";
        }
    }

    /**
     * The OCI network load balancer in front of the control planes (topology direct), at its private IP:
     * the address the nodes reach the API by, and the source of every connection and health check it
     * forwards (it does not preserve client addresses). {@code publicHost} is how admins outside the VCN
     * name it, if at all.
     */
    record ApiLoadBalancer(Ip privateIp, String publicHost) implements Endpoint {
        @Override
        public List<Cidr> cidrs() {
            return List.of(privateIp.asHostCidr());
        }

        @Override
        public String label() {
            return "API load balancer (" + privateIp + (publicHost != null ? ", public " + publicHost : "") + ")";
        }
    }

    /**
     * The load balancers the OCI CCM builds for public services (topology direct): OCI gives each a
     * private IP of the subnet, not known before it exists, and they proxy, so the nodes see connections
     * and health checks from somewhere in {@code subnet}.
     */
    record OciLoadBalancers(Cidr subnet) implements Endpoint {
        @Override
        public List<Cidr> cidrs() {
            return List.of(subnet);
        }

        @Override
        public String label() {
            return "OCI load balancers of public services (subnet " + subnet + ")";
        }
    }

    /** The pod network (pods talk to node ports from here, e.g. metrics-server to kubelets). */
    record PodNetwork(Cidr cidr) implements Endpoint {
        @Override
        public List<Cidr> cidrs() {
            return List.of(cidr);
        }

        @Override
        public String label() {
            return "pod network (" + cidr + ")";
        }
    }

    /** The VM bridge network on the Proxmox hosts. */
    record BridgeNetwork(String bridge, Cidr cidr) implements Endpoint {
        @Override
        public List<Cidr> cidrs() {
            return List.of(cidr);
        }

        @Override
        public String label() {
            return "bridge " + bridge + " (" + cidr + ")";
        }
    }

    /** A CIDR the spec names directly (extra node ingress, a service's allowFrom). */
    record CidrBlock(Cidr cidr) implements Endpoint {
        @Override
        public List<Cidr> cidrs() {
            return List.of(cidr);
        }

        @Override
        public String label() {
            return cidr.toString();
        }
    }

    /**
     * A public service and the path its traffic takes in the nested topology: the reserved public IP
     * is mapped by OCI to {@code ingressAddress}, a secondary private IP of {@code host}'s VNIC; the
     * host DNATs it to {@code loadBalancerIp}, which Cilium announces on the bridge. In the direct
     * topology {@code host}, {@code ingressAddress} and {@code loadBalancerIp} are null (the OCI CCM
     * puts the reserved IP on a load balancer).
     */
    record PublicService(String service, String namespace, Ip reservedIp, String host, Ip ingressAddress,
                         Ip loadBalancerIp) implements Endpoint {
        public PublicService {
            Objects.requireNonNull(service);
            Objects.requireNonNull(namespace);
        }

        public boolean nested() {
            return host != null && ingressAddress != null && loadBalancerIp != null;
        }

        /** The LoadBalancer IP where there is one, else the reserved IP. */
        @Override
        public List<Cidr> cidrs() {
            return List.of((loadBalancerIp != null ? loadBalancerIp : reservedIp).asHostCidr());
        }

        @Override
        public String label() {
            return namespace + "/" + service + " (" + reservedIp
                    + (nested() ? " → " + host + " " + ingressAddress + " → " + loadBalancerIp : "") + ")";
        }
    }

    /**
     * Pods selected by labels in one namespace; no labels means every pod of the namespace.
     */
    record Pods(String namespace, Map<String, String> labels) implements Endpoint {
        public Pods {
            Objects.requireNonNull(namespace);
            labels = labels == null ? Map.of() : Map.copyOf(new TreeMap<>(labels));
        }

        public static Pods all(String namespace) {
            return new Pods(namespace, Map.of());
        }

        public boolean allPods() {
            return labels.isEmpty();
        }

        /** Labels in key order, for deterministic output. */
        public Map<String, String> sortedLabels() {
            return new TreeMap<>(labels);
        }

        @Override
        public List<Cidr> cidrs() {
            return List.of();
        }

        @Override
        public String label() {
            if (labels.isEmpty()) {
                return "namespace " + namespace;
            }
            return namespace + " pods " + new TreeMap<>(labels).entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
        }
    }

    /**
     * Nodes as Cilium sees them. Plain NetworkPolicy cannot name a node: an ipBlock does not match node
     * addresses under Cilium's default CIDR match mode, so these peers need a CiliumNetworkPolicy.
     */
    record ClusterEntity(Entity entity) implements Endpoint {
        public enum Entity {
            /** The node the destination pod runs on (kubelet probes). */
            HOST("host"),
            /** Any other node of the cluster (node-forwarded LoadBalancer traffic, host-network scrapers). */
            REMOTE_NODE("remote-node");

            private final String ciliumName;

            Entity(String ciliumName) {
                this.ciliumName = ciliumName;
            }

            /** The name in {@code fromEntities}. */
            public String ciliumName() {
                return ciliumName;
            }
        }

        @Override
        public List<Cidr> cidrs() {
            return List.of();
        }

        @Override
        public String label() {
            return "Cilium entity " + entity.ciliumName();
        }
    }

    private static String join(List<Cidr> cidrs) {
        return cidrs.stream().map(Cidr::toString).collect(Collectors.joining(", "));
    }
}
