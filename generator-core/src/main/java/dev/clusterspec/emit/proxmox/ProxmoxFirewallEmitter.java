package dev.clusterspec.emit.proxmox;

import dev.clusterspec.emit.OutputFile;
import dev.clusterspec.emit.Templates;
import dev.clusterspec.plan.firewall.Endpoint;
import dev.clusterspec.plan.firewall.Endpoint.NodeGroup;
import dev.clusterspec.plan.firewall.FirewallPlan;
import dev.clusterspec.plan.firewall.Flow;
import dev.clusterspec.plan.firewall.Layer;
import dev.clusterspec.spec.Node;
import dev.clusterspec.spec.Proxmox;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders the Proxmox VE firewall: {@code proxmox/cluster.fw} (enabled, inbound DROP, aliases, ipsets
 * and one security group per Talos node group), each host's {@code hosts/<host>/host.fw} and each
 * Talos VM's {@code proxmox/<vmid>.fw} (DROP inbound, the groups of its role), and the mesh gateway
 * container's {@code proxmox/<ctid>.fw}. Only IN rules are
 * written: forwarding is filtered by the host's own nftables table, and FORWARD rules would need
 * Proxmox's nftables backend.
 */
public final class ProxmoxFirewallEmitter {

    private ProxmoxFirewallEmitter() {}

    public static String clusterPath() {
        return "proxmox/cluster.fw";
    }

    public static String hostPath(String host) {
        return "hosts/" + host + "/host.fw";
    }

    public static String vmPath(int vmid) {
        return "proxmox/" + vmid + ".fw";
    }

    public static List<OutputFile> emit(FirewallPlan plan) {
        List<OutputFile> files = new ArrayList<>();
        if (!plan.cluster().nested() || plan.flows(Layer.PROXMOX).isEmpty()) {
            return files;
        }
        Proxmox proxmox = plan.cluster().spec().proxmox();
        ProxmoxNames names = new ProxmoxNames();
        List<String> hostRules = new ArrayList<>();
        List<String> meshGatewayRules = new ArrayList<>();
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (NodeGroup group : NodeGroup.values()) {
            groups.put(ProxmoxNames.groupName(group), new ArrayList<>());
        }
        for (Flow flow : plan.flows(Layer.PROXMOX)) {
            if (flow.destination() instanceof Endpoint.ProxmoxHosts) {
                hostRules.add(rule(flow, names, false));
            } else if (flow.destination() instanceof Endpoint.Nodes nodes) {
                groups.get(ProxmoxNames.groupName(nodes.group())).add(rule(flow, names, false));
            } else if (flow.destination() instanceof Endpoint.PublicService) {
                groups.get(ProxmoxNames.groupName(NodeGroup.ALL)).add(rule(flow, names, true));
            } else if (flow.destination() instanceof Endpoint.MeshGateway) {
                meshGatewayRules.add(rule(flow, names, false));
            } else {
                throw new IllegalStateException("no Proxmox rendering for flow " + flow);
            }
        }
        groups.values().removeIf(List::isEmpty);

        List<ProxmoxNames.Definition> management = new ArrayList<>();
        plan.cluster().spec().bastionIfAny().ifPresent(b ->
                management.add(new ProxmoxNames.Definition("bastion", List.of(b.privateIp().toString()), "the bastion")));
        proxmox.hosts().forEach(h -> management.add(new ProxmoxNames.Definition(h.name(), List.of(h.privateIp().toString()), "host " + h.name())));

        Map<String, Object> cluster = new LinkedHashMap<>();
        cluster.put("cluster", plan.cluster().name());
        cluster.put("aliases", names.aliases().stream().map(ProxmoxNames.Definition::model).toList());
        cluster.put("management", management.stream().map(ProxmoxNames.Definition::model).toList());
        cluster.put("ipsets", names.ipsets().stream().map(ProxmoxNames.Definition::model).toList());
        cluster.put("groups", groups);
        files.add(OutputFile.text(clusterPath(), Templates.get().render("proxmox/cluster.fw.ftl", cluster)));

        for (Proxmox.Host host : proxmox.hosts()) {
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("cluster", plan.cluster().name());
            model.put("host", host.name());
            model.put("rules", hostRules);
            files.add(OutputFile.text(hostPath(host.name()), Templates.get().render("proxmox/host.fw.ftl", model)));
        }
        plan.cluster().meshGateway().ifPresent(gateway -> {
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("cluster", plan.cluster().name());
            model.put("hostname", gateway.hostname());
            model.put("ctid", gateway.ctid());
            model.put("rules", meshGatewayRules);
            files.add(OutputFile.text(vmPath(gateway.ctid()), Templates.get().render("proxmox/container.fw.ftl", model)));
        });
        for (Node node : plan.cluster().nodes()) {
            if (node.vmid() == null) {
                continue;
            }
            List<String> vmGroups = new ArrayList<>();
            for (NodeGroup group : NodeGroup.values()) {
                if (group.includes(node) && groups.containsKey(ProxmoxNames.groupName(group))) {
                    vmGroups.add(ProxmoxNames.groupName(group));
                }
            }
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("cluster", plan.cluster().name());
            model.put("node", node.name());
            model.put("role", node.role().id());
            model.put("vmid", node.vmid());
            model.put("groups", vmGroups);
            files.add(OutputFile.text(vmPath(node.vmid()), Templates.get().render("proxmox/vm.fw.ftl", model)));
        }
        return files;
    }

    /** {@code IN ACCEPT -source +admins -p tcp -dport 50000 # reason}. */
    static String rule(Flow flow, ProxmoxNames names, boolean withDestination) {
        StringBuilder line = new StringBuilder("IN ACCEPT");
        String source = names.reference(flow.source());
        if (source != null) {
            line.append(" -source ").append(source);
        }
        if (withDestination) {
            line.append(" -dest ").append(names.reference(flow.destination()));
        }
        switch (flow.protocol()) {
            case TCP, UDP -> {
                line.append(" -p ").append(flow.protocol().id());
                if (!flow.ports().isAll()) {
                    line.append(" -dport ").append(flow.ports().isSingle()
                            ? Integer.toString(flow.ports().from()) : flow.ports().from() + ":" + flow.ports().to());
                }
            }
            case ICMP -> line.append(" -p icmp");
            case ANY -> { }
        }
        return line.append(" # ").append(flow.reason().replace('\n', ' ')).toString();
    }
}
