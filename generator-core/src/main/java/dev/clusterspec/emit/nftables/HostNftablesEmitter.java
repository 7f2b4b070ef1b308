package dev.clusterspec.emit.nftables;

import dev.clusterspec.emit.OutputFile;
import dev.clusterspec.emit.Templates;
import dev.clusterspec.plan.firewall.Endpoint;
import dev.clusterspec.plan.firewall.FirewallException;
import dev.clusterspec.plan.firewall.FirewallPlan;
import dev.clusterspec.plan.firewall.Flow;
import dev.clusterspec.plan.firewall.Layer;
import dev.clusterspec.spec.Proxmox;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders each Proxmox host's {@code hosts/<host>/clusterspec.nft}, and the systemd unit that loads it
 * where no {@code flush ruleset} can undo it: one table ({@code inet clusterspec})
 * that the file creates, deletes and defines again in one atomic transaction, so loading it twice is
 * harmless and the tables of Proxmox's own firewall are never touched (no {@code flush ruleset}).
 * It holds the DNAT of public services (hosts with ingress), the forward filter (policy drop), and the
 * VMs' egress masquerade (on the gateway host). Client addresses of DNATed traffic are kept: no SNAT.
 */
public final class HostNftablesEmitter {

    public static final String TABLE = "clusterspec";
    /** Where the runbook installs the file on a host, and the systemd unit that loads it from there. */
    public static final String INSTALL_PATH = "/etc/clusterspec/clusterspec.nft";
    public static final String UNIT = "clusterspec-nftables.service";
    /** The bridges Proxmox puts between a firewalled NIC and the VM bridge ({@code fwbr<vmid>i<n>}). */
    static final String FIREWALL_BRIDGES = "fwbr*";
    /** The conntrack zone of frames bridged on them (zone 0 is everything else), as Proxmox's masquerading setup does. */
    static final int FIREWALL_BRIDGE_ZONE = 1;

    private HostNftablesEmitter() {}

    public static String path(String host) {
        return "hosts/" + host + "/clusterspec.nft";
    }

    public static String unitPath(String host) {
        return "hosts/" + host + "/" + UNIT;
    }

    /** Each host's ruleset and the unit that loads it. */
    public static List<OutputFile> emit(FirewallPlan plan) {
        List<OutputFile> files = new ArrayList<>(rulesets(plan));
        if (plan.cluster().nested()) {
            for (Proxmox.Host host : plan.cluster().spec().proxmox().hosts()) {
                files.add(OutputFile.text(unitPath(host.name()), Templates.get().render("nftables/clusterspec-nftables.service.ftl",
                        Map.of("cluster", plan.cluster().name(), "host", host.name(), "table", TABLE, "installPath", INSTALL_PATH, "unit", UNIT))));
            }
        }
        return files;
    }

    /** Each host's {@code clusterspec.nft} alone. */
    public static List<OutputFile> rulesets(FirewallPlan plan) {
        List<OutputFile> files = new ArrayList<>();
        if (!plan.cluster().nested()) {
            return files;
        }
        Proxmox proxmox = plan.cluster().spec().proxmox();
        for (Proxmox.Host host : proxmox.hosts()) {
            files.add(OutputFile.text(path(host.name()), render(plan, proxmox, host)));
        }
        return files;
    }

    static String render(FirewallPlan plan, Proxmox proxmox, Proxmox.Host host) {
        String bridge = proxmox.bridge().name();
        List<String> dnat = new ArrayList<>();
        List<String> masquerade = new ArrayList<>();
        List<String> bridged = new ArrayList<>();
        List<String> conntrackZones = new ArrayList<>();
        List<String> forward = new ArrayList<>();
        Set<String> dnatKeys = new HashSet<>();
        boolean gateway = plan.gatewayHost().map(g -> g.name().equals(host.name())).orElse(false);

        for (Flow flow : plan.flows(Layer.NFTABLES_HOST)) {
            if (flow.destination() instanceof Endpoint.PublicService service) {
                if (!host.name().equals(service.host())) {
                    continue;
                }
                String match = service.ingressAddress() + " " + flow.service();
                if (!dnatKeys.add(match)) {
                    throw new FirewallException("two public services use " + flow.service() + " on reserved IP "
                            + service.reservedIp() + " (host " + host.name() + "): give each its own port or reserved IP");
                }
                String what = service.namespace() + "/" + service.service();
                dnat(flow, service.ingressAddress().toString(), service.loadBalancerIp().toString(),
                        what + " from reserved IP " + service.reservedIp(), what + ": DNATed public traffic", dnat, forward);
            } else if (flow.destination() instanceof Endpoint.MeshGateway meshGateway) {
                if (host.name().equals(meshGateway.natHost())) {
                    dnat(flow, host.privateIp().toString(), meshGateway.address().toString(),
                            "Tailscale WireGuard to " + meshGateway.hostname(), meshGateway.hostname() + ": DNATed WireGuard", dnat, forward);
                }
            } else if (flow.source() instanceof Endpoint.BridgeNetwork && flow.destination() instanceof Endpoint.BridgeNetwork) {
                // with bridge-nf-call-iptables on (Proxmox turns it on), bridged frames pass this hook too: once on
                // the bridge, and once on each firewall bridge fwbrN that Proxmox puts behind a NIC with firewall=1
                bridged.add("iifname " + quoted(bridge) + " oifname " + quoted(bridge) + " accept"
                        + comment("bridged on " + bridge + ": VM to VM, and to the other hosts by VXLAN"));
                bridged.add("iifname \"" + FIREWALL_BRIDGES + "\" oifname \"" + FIREWALL_BRIDGES + "\" accept"
                        + comment("bridged through a NIC's firewall bridge, filtered by its Proxmox firewall"));
                // a frame of a firewalled NIC is seen twice by conntrack: bridged on fwbrN, then routed from the VM bridge;
                // in one zone the first pass would settle its NAT (none) before the routed pass could masquerade it
                conntrackZones.add("iifname \"" + FIREWALL_BRIDGES + "\" ct zone set " + FIREWALL_BRIDGE_ZONE
                        + comment("frames bridged on firewall bridges get a conntrack zone of their own"));
            } else if (flow.source() instanceof Endpoint.BridgeNetwork net && flow.destination() instanceof Endpoint.World) {
                if (!gateway) {
                    continue;
                }
                // not into the VCN: the hosts trust each other's VCN addresses, and masquerading would lend them to every VM
                forward.add("iifname " + quoted(bridge) + " oifname != " + quoted(bridge) + " ip saddr " + net.cidr()
                        + " ip daddr != " + plan.cluster().spec().oci().vcn().cidr() + " accept" + comment("VM egress to the internet"));
                // routed only: bridged frames pass this hook too (on fwbrN, with no address to masquerade to)
                masquerade.add("iifname " + quoted(bridge) + " oifname != " + quoted(bridge) + " ip saddr " + net.cidr() + " masquerade"
                        + comment("VM egress leaves with this host's address"));
            } else {
                throw new IllegalStateException("no nftables rendering for flow " + flow);
            }
        }

        Map<String, Object> model = new LinkedHashMap<>();
        model.put("cluster", plan.cluster().name());
        model.put("host", host.name());
        model.put("table", TABLE);
        model.put("bridge", bridge);
        model.put("ingressAddress", host.secondaryPrivateIpIfAny().map(Object::toString).orElse(""));
        model.put("gateway", gateway);
        model.put("dnat", dnat);
        model.put("masquerade", masquerade);
        model.put("bridged", bridged);
        model.put("conntrackZones", conntrackZones);
        model.put("forward", forward);
        model.put("installPath", INSTALL_PATH);
        model.put("unit", UNIT);
        return Templates.get().render("nftables/clusterspec.nft.ftl", model);
    }

    /** A DNAT of one port to the same port of {@code to}, and the forward rule that lets it pass. */
    private static void dnat(Flow flow, String from, String to, String why, String forwardWhy, List<String> dnat, List<String> forward) {
        String l4 = flow.protocol().id() + " dport " + flow.ports().from();
        dnat.add("ip daddr " + from + " " + l4 + " dnat ip to " + to + ":" + flow.ports().from() + comment(why));
        forward.add("ct status dnat ip daddr " + to + " " + l4 + " accept" + comment(forwardWhy));
    }

    private static String quoted(String name) {
        return "\"" + name + "\"";
    }

    /** nft comments are double-quoted strings of at most 128 bytes without double quotes. */
    private static String comment(String text) {
        String clean = text.replace('"', '\'');
        if (clean.length() > 120) {
            clean = clean.substring(0, 120);
        }
        return " comment \"" + clean + "\"";
    }
}
