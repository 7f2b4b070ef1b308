package dev.clusterspec.emit.hostnet;

import dev.clusterspec.yaml.Yaml;
import dev.clusterspec.emit.hostnet.Ifupdown2.Installation;
import dev.clusterspec.plan.ClusterPlan;
import dev.clusterspec.plan.MeshGateway;
import dev.clusterspec.plan.PublicExposure;
import dev.clusterspec.spec.Node;
import dev.clusterspec.spec.Proxmox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The example's datacenter as a script of network namespaces, built from the generated files:
 * <ul>
 * <li>a "VCN" bridge (MTU 9000) with each Proxmox host's VCN interface, the bastion and "oci", which
 *     plays OCI's edge: the 1:1 NAT of the reserved IP to the ingress host's secondary address and of
 *     each host's ephemeral public IP, the source/destination check, and the internet behind it;</li>
 * <li>each host brought up by the real ifupdown2 from a base file like a host's own (its VCN
 *     interface, then {@code source} of our {@code hosts/<host>/interfaces}), with our sysctl file,
 *     {@code bridge-nf-call-iptables=1} as Proxmox sets it, our {@code clusterspec.nft}, and the
 *     security list (from our OCI JSON) on its VCN interface;</li>
 * <li>every Talos VM a namespace attached exactly as Proxmox attaches a NIC with {@code firewall=1}:
 *     {@code tap<vmid>i0} in bridge {@code fwbr<vmid>i0}, veth {@code fwln<vmid>i0}/{@code fwpr<vmid>p0}
 *     into the VM bridge; its address, MTU and routes from its LinkConfig, its Talos firewall from its
 *     NetworkRuleConfig documents;</li>
 * <li>the mesh gateway container attached the same way ({@code veth<ctid>i0}), forwarding without
 *     SNAT between the bridge and a "tailnet" link to an "admin" namespace.</li>
 * </ul>
 * Not modelled: the Proxmox firewall's own iptables rules (host.fw, the .fw of each guest), Cilium's
 * datapath (its LoadBalancer IP is an address of the announcing VM), WireGuard itself.
 */
final class Datacenter {

    static final String INTERNET_CLIENT = "198.51.100.10";
    private static final String INTERNET_GATEWAY = "198.51.100.1";
    private static final String VCN_BRIDGE = "vcn0";
    private static final String VCN_MTU = "9000";

    private final ClusterPlan plan;
    private final Path outputs;
    private final Path work;
    private final StringBuilder script = new StringBuilder();

    Datacenter(ClusterPlan plan, Path outputs, Path work) {
        this.plan = plan;
        this.outputs = outputs;
        this.work = work;
    }

    static String vmNamespace(Node node) {
        return "vm" + node.vmid();
    }

    static String publicIpOf(int hostIndex) {
        return "192.0.2." + (11 + hostIndex);
    }

    /** Builds every namespace, link, address and ruleset, then checks that nothing leads outside. */
    Datacenter build(Installation ifupdown2) throws IOException {
        Files.copy(Datacenter.class.getResourceAsStream("listen.py"), work.resolve("listen.py"));
        Files.copy(Datacenter.class.getResourceAsStream("probe.py"), work.resolve("probe.py"));
        Proxmox proxmox = plan.spec().proxmox();
        String vcnPrefix = "/" + plan.spec().oci().vcn().subnet().prefixLength();
        String vcnGateway = plan.spec().oci().vcn().subnet().addressAt(1).toString();

        line("ip link add " + VCN_BRIDGE + " type bridge && ip link set " + VCN_BRIDGE + " mtu " + VCN_MTU + " up");
        namespace("oci");
        namespace("net");
        vcnPort("oci", "vcn", "ociv");
        line("ip -n oci addr add " + vcnGateway + vcnPrefix + " dev vcn");
        line("ip link add wan netns oci type veth peer name eth0 netns net");
        line("ip -n oci addr add " + INTERNET_GATEWAY + "/24 dev wan && ip -n oci link set wan up");
        line("ip -n net addr add " + INTERNET_CLIENT + "/24 dev eth0 && ip -n net link set eth0 up");
        line("ip -n net route add default via " + INTERNET_GATEWAY);
        line("ip netns exec oci sysctl -qw net.ipv4.ip_forward=1");
        ociEdge(proxmox);

        plan.spec().bastionIfAny().ifPresent(b -> {
            namespace("bastion");
            vcnPort("bastion", "eth0", "bastv");
            line("ip -n bastion addr add " + b.privateIp() + vcnPrefix + " dev eth0 && ip -n bastion route add default via " + vcnGateway);
        });

        JsonNode securityList = JsonMapper.shared().readTree(Files.readString(outputs.resolve("oci/security-lists.oci-cli.json")));
        for (int i = 0; i < proxmox.hosts().size(); i++) {
            host(proxmox.hosts().get(i), i, vcnPrefix, vcnGateway, ifupdown2, securityList);
        }
        for (Node node : plan.nodes()) {
            vm(node);
        }
        plan.meshGateway().ifPresent(this::meshGateway);
        noRouteLeadsOutside();
        return this;
    }

    /** OCI's side of the VCN: 1:1 NAT of public addresses to private ones, and its source/destination check. */
    private void ociEdge(Proxmox proxmox) {
        List<String> dnat = new ArrayList<>();
        List<String> snat = new ArrayList<>();
        List<String> vnicAddresses = new ArrayList<>();
        plan.spec().bastionIfAny().ifPresent(b -> vnicAddresses.add(b.privateIp().toString()));
        for (int i = 0; i < proxmox.hosts().size(); i++) {
            Proxmox.Host host = proxmox.hosts().get(i);
            dnat.add("ip daddr " + publicIpOf(i) + " dnat ip to " + host.privateIp());
            snat.add("ip saddr " + host.privateIp() + " snat ip to " + publicIpOf(i));
            vnicAddresses.add(host.privateIp().toString());
            if (host.secondaryPrivateIp() != null) {
                vnicAddresses.add(host.secondaryPrivateIp().toString());
            }
        }
        for (PublicExposure e : plan.publicExposures()) {
            dnat.add("ip daddr " + e.reservedIp() + " dnat ip to " + e.ingressHost().secondaryPrivateIp());
            snat.add("ip saddr " + e.ingressHost().secondaryPrivateIp() + " snat ip to " + e.reservedIp());
        }
        nft("oci", "table ip ocinat {\n"
                + "  chain prerouting { type nat hook prerouting priority dstnat; policy accept;\n    " + String.join("\n    ", dnat) + "\n  }\n"
                + "  chain postrouting { type nat hook postrouting priority srcnat; policy accept;\n    " + String.join("\n    ", snat) + "\n  }\n"
                + "  chain forward { type filter hook forward priority filter; policy accept;\n"
                + "    iifname \"vcn\" ip saddr != { " + String.join(", ", vnicAddresses) + " } counter drop comment \"source/destination check\"\n"
                + "  }\n}\n");
    }

    private void host(Proxmox.Host host, int index, String vcnPrefix, String vcnGateway, Installation ifupdown2, JsonNode securityList)
            throws IOException {
        String ns = host.name();
        String uplink = host.uplink() != null ? host.uplink() : "enp0s6";
        namespace(ns);
        vcnPort(ns, uplink, "up" + index);
        Path base = work.resolve(ns + ".interfaces");
        // the host's own /etc/network/interfaces (static here: the lab has no DHCP server), sourcing ours
        Files.writeString(base, "auto lo\niface lo inet loopback\n\nauto " + uplink + "\niface " + uplink + " inet static\n"
                + "    address " + host.privateIp() + vcnPrefix + "\n    gateway " + vcnGateway + "\n    mtu " + VCN_MTU + "\n\n"
                + "source " + outputs.resolve("hosts/" + ns + "/interfaces") + "\n");
        line("ip netns exec " + ns + " unshare --mount sh -c 'mount -t tmpfs state /run/network && "
                + ifupdown2.command("-a -i " + base) + "' > " + work.resolve(ns + ".ifup.log") + " 2>&1"
                + " || { cat " + work.resolve(ns + ".ifup.log") + "; exit 1; }");
        line("ip netns exec " + ns + " sysctl -q -p " + outputs.resolve("hosts/" + ns + "/99-clusterspec.conf"));
        line("ip netns exec " + ns + " sysctl -qw net.bridge.bridge-nf-call-iptables=1");
        line("ip netns exec " + ns + " nft -f " + outputs.resolve("hosts/" + ns + "/clusterspec.nft"));
        nft(ns, OciSecurityListModel.compile(securityList, uplink));
    }

    private void vm(Node node) throws IOException {
        String ns = vmNamespace(node);
        List<JsonNode> documents = Yaml.readAll(Files.readString(outputs.resolve("talos/" + node.name() + ".yaml")));
        JsonNode link = documents.stream().filter(d -> "LinkConfig".equals(d.path("kind").asString())).findFirst().orElseThrow();
        String mtu = link.path("mtu").asString();
        namespace(ns);
        guestNic(node.host(), ns, "tap" + node.vmid() + "i0", node.vmid(), mtu);
        line("ip -n " + ns + " addr add " + link.path("addresses").get(0).path("address").asString() + " dev eth0");
        routes(ns, link);
        List<String> addresses = new ArrayList<>(List.of(node.ip().toString()));
        if (node.isControlPlane()) {
            addresses.add(plan.vip().toString()); // Talos counts the VIP as the holder's address
        }
        List<String> exemptions = plan.publicExposures().stream().map(e -> e.loadBalancerIp().toString()).toList();
        nft(ns, TalosFirewallModel.compile(documents, addresses, exemptions));
    }

    private void meshGateway(MeshGateway gateway) {
        String ns = "ct" + gateway.ctid();
        int prefix = plan.spec().proxmox().bridge().cidr().prefixLength();
        namespace(ns);
        guestNic(gateway.host(), ns, "veth" + gateway.ctid() + "i0", gateway.ctid(), Integer.toString(plan.spec().proxmox().bridge().mtu()));
        line("ip -n " + ns + " addr add " + gateway.ip() + "/" + prefix + " dev eth0 && ip -n " + ns + " route add default via " + plan.gateway());
        line("ip netns exec " + ns + " sysctl -qw net.ipv4.ip_forward=1");
        // the tailnet: a link to the admin's machine; tailscaled forwards without SNAT (--snat-subnet-routes=false)
        namespace("admin");
        line("ip link add tailscale0 netns " + ns + " type veth peer name ts0 netns admin");
        line("ip -n " + ns + " addr add " + Tailnet.GATEWAY + "/32 dev tailscale0 && ip -n " + ns + " link set tailscale0 up");
        line("ip -n " + ns + " route add " + Tailnet.ADMIN + "/32 dev tailscale0");
        line("ip -n admin addr add " + Tailnet.ADMIN + "/32 dev ts0 && ip -n admin link set ts0 up");
        line("ip -n admin route add " + Tailnet.GATEWAY + "/32 dev ts0 && ip -n admin route add " + gateway.advertisedRoute()
                + " via " + Tailnet.GATEWAY + " dev ts0");
    }

    /** Addresses on the tailnet: the admin's machine and the gateway's own tailnet address. */
    static final class Tailnet {
        static final String ADMIN = "100.100.1.1";
        static final String GATEWAY = "100.100.0.5";

        private Tailnet() {}
    }

    /** A guest NIC with firewall=1, as Proxmox builds it: tap in fwbr, veth pair from fwbr to the VM bridge. */
    private void guestNic(String host, String guest, String tap, int id, String mtu) {
        String bridge = plan.spec().proxmox().bridge().name();
        String fwbr = "fwbr" + id + "i0";
        String fwln = "fwln" + id + "i0";
        String fwpr = "fwpr" + id + "p0";
        line("ip -n " + host + " link add " + tap + " type veth peer name eth0 netns " + guest);
        line("ip -n " + host + " link add " + fwbr + " type bridge");
        line("ip -n " + host + " link add " + fwln + " type veth peer name " + fwpr);
        for (String link : List.of(tap, fwbr, fwln, fwpr)) {
            line("ip -n " + host + " link set " + link + " mtu " + mtu);
        }
        line("ip -n " + guest + " link set eth0 mtu " + mtu + " up");
        line("ip -n " + host + " link set " + tap + " master " + fwbr + " && ip -n " + host + " link set " + fwln + " master " + fwbr);
        line("ip -n " + host + " link set " + fwpr + " master " + bridge);
        line("for l in " + tap + " " + fwbr + " " + fwln + " " + fwpr + "; do ip -n " + host + " link set $l up; done");
    }

    private void routes(String ns, JsonNode link) {
        for (JsonNode route : link.path("routes")) {
            String gateway = route.path("gateway").asString();
            line("ip -n " + ns + " route add " + (route.has("destination") ? route.path("destination").asString() : "default")
                    + " via " + gateway);
        }
    }

    /** The lab's namespaces have only the lab's links: nothing leads to the machine's network. */
    private void noRouteLeadsOutside() {
        line("for ns in $(ip netns list | cut -d' ' -f1) ''; do");
        line("  links=$( (if [ -n \"$ns\" ]; then ip -n \"$ns\" -o link; else ip -o link; fi) | awk -F': ' '{print $2}' | cut -d@ -f1)");
        line("  for l in $links; do case \"$l\" in lo|" + VCN_BRIDGE + "|ociv|bastv|up[0-9]*|vcn|wan|eth0|enp*|ens*|eth*|vmbr*|vxlan*|tap*|veth*|fwbr*|fwln*|fwpr*|tailscale0|ts0) ;;"
                + " *) echo \"FATAL: unexpected link $l in namespace '$ns'\" >&2; exit 98;; esac; done");
        line("done");
        line("result safety ok");
    }

    /** Starts a listener in {@code ns} that answers on each of {@code ports} ("tcp:443", "udp:41641"). */
    Datacenter listen(String ns, String name, String... ports) {
        line("ip netns exec " + ns + " /usr/bin/python3 " + work.resolve("listen.py") + " " + name + " " + String.join(" ", ports)
                + " > " + work.resolve("listen-" + ns + ".log") + " 2>&1 &");
        return this;
    }

    /** A probe whose outcome the test reads as {@code RESULT id ...}. */
    Datacenter probe(String id, String ns, String protocol, String host, int port) {
        line("result " + id + " \"$(ip netns exec " + ns + " /usr/bin/python3 " + work.resolve("probe.py") + " " + protocol + " " + host + " " + port + " 1)\"");
        return this;
    }

    /** An unfragmentable ping of {@code size} bytes of payload. */
    Datacenter ping(String id, String ns, int payload, String target) {
        line("if ip netns exec " + ns + " ping -n -q -c 1 -W 2 -M do -s " + payload + " " + target + " >/dev/null 2>&1; then result " + id
                + " OK; else result " + id + " FAIL; fi");
        return this;
    }

    Datacenter line(String command) {
        script.append(command).append('\n');
        return this;
    }

    private void namespace(String ns) {
        line("ip netns add " + ns + " && ip -n " + ns + " link set lo up");
    }

    private void vcnPort(String ns, String inside, String outside) {
        line("ip link add " + outside + " type veth peer name " + inside + " netns " + ns);
        line("ip link set " + outside + " mtu " + VCN_MTU + " master " + VCN_BRIDGE + " up");
        line("ip -n " + ns + " link set " + inside + " mtu " + VCN_MTU + " up");
    }

    private void nft(String ns, String ruleset) {
        Path file = work.resolve(ns + "-" + Integer.toHexString(ruleset.hashCode()) + ".nft");
        try {
            Files.writeString(file, ruleset);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        line("ip netns exec " + ns + " nft -f " + file);
    }

    String script() {
        return script.toString();
    }
}
