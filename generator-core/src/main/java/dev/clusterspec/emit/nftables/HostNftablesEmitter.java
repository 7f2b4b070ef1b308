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
 * Renders each Proxmox host's {@code hosts/<host>/clusterspec.nft}: one table ({@code inet clusterspec})
 * that the file creates, deletes and defines again in one atomic transaction, so loading it twice is
 * harmless and the tables of Proxmox's own firewall are never touched (no {@code flush ruleset}).
 * It holds the DNAT of public services (hosts with ingress), the forward filter (policy drop), and the
 * VMs' egress masquerade (on the gateway host). Client addresses of DNATed traffic are kept: no SNAT.
 */
public final class HostNftablesEmitter {

    public static final String TABLE = "clusterspec";

    private HostNftablesEmitter() {}

    public static String path(String host) {
        return "hosts/" + host + "/clusterspec.nft";
    }

    public static List<OutputFile> emit(FirewallPlan plan) {
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
                String l4 = flow.protocol().id() + " dport " + flow.ports().from();
                dnat.add("ip daddr " + service.ingressAddress() + " " + l4 + " dnat ip to " + service.loadBalancerIp() + ":"
                        + flow.ports().from() + comment(service.namespace() + "/" + service.service() + " from reserved IP " + service.reservedIp()));
                forward.add("ct status dnat ip daddr " + service.loadBalancerIp() + " " + l4 + " accept"
                        + comment(service.namespace() + "/" + service.service() + ": DNATed public traffic"));
            } else if (flow.source() instanceof Endpoint.BridgeNetwork && flow.destination() instanceof Endpoint.BridgeNetwork) {
                forward.add("iifname " + quoted(bridge) + " oifname " + quoted(bridge) + " accept" + comment("VM-to-VM traffic on the bridge"));
            } else if (flow.source() instanceof Endpoint.BridgeNetwork net && flow.destination() instanceof Endpoint.World) {
                if (!gateway) {
                    continue;
                }
                forward.add("iifname " + quoted(bridge) + " oifname != " + quoted(bridge) + " ip saddr " + net.cidr() + " accept"
                        + comment("VM egress"));
                masquerade.add("oifname != " + quoted(bridge) + " ip saddr " + net.cidr() + " masquerade"
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
        model.put("forward", forward);
        return Templates.get().render("nftables/clusterspec.nft.ftl", model);
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
