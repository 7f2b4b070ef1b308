package dev.clusterspec.emit.report;

import dev.clusterspec.emit.hostnet.HostNetworkEmitter;
import dev.clusterspec.emit.nftables.HostNftablesEmitter;
import dev.clusterspec.emit.oci.OciSecurityListEmitter;
import dev.clusterspec.emit.proxmox.ProxmoxFirewallEmitter;
import dev.clusterspec.emit.proxmox.ProxmoxGuestsEmitter;
import dev.clusterspec.plan.ClusterPlan;
import dev.clusterspec.plan.MeshGateway;
import dev.clusterspec.plan.PublicExposure;
import dev.clusterspec.plan.firewall.FirewallPlan;
import dev.clusterspec.spec.Proxmox;
import dev.clusterspec.spec.Proxmox.Host;
import dev.clusterspec.spec.RunbookSecret;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The runbook's values of topology nested, from nothing to VMs in maintenance mode: the OCI resources,
 * the Proxmox hosts and the files each gets, the guests, and the mesh gateway through which the
 * admins then reach the nodes.
 */
final class NestedRunbook {

    /** The ICMP and IPv4 headers: a ping payload of the MTU less these fills a packet exactly. */
    private static final int PING_HEADERS = 28;

    private NestedRunbook() {}

    static Map<String, Object> model(ClusterPlan plan, FirewallPlan firewall) {
        Proxmox proxmox = plan.spec().proxmox();
        List<Map<String, Object>> hosts = proxmox.hosts().stream().map(h -> host(plan, h)).toList();
        Proxmox.Bridge bridge = proxmox.bridge();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("subnet", plan.spec().oci().vcn().subnet().toString());
        m.put("securityListPath", OciSecurityListEmitter.TERRAFORM_PATH);
        m.put("hosts", hosts);
        m.put("firstHost", hosts.get(0));
        m.put("otherHosts", hosts.subList(1, hosts.size()));
        m.put("bridge", Map.of("name", bridge.name(), "mtu", bridge.mtu(), "vxlanId", bridge.vxlanId(), "pingPayload", bridge.mtu() - PING_HEADERS));
        m.put("reservedIpMoves", reservedIpMoves(plan));
        m.put("networkInstallPath", HostNetworkEmitter.INSTALL_PATH);
        m.put("sysctlInstallPath", HostNetworkEmitter.SYSCTL_INSTALL_PATH);
        m.put("firewallFiles", firewallFiles(plan));
        m.put("nftInstallPath", HostNftablesEmitter.INSTALL_PATH);
        m.put("nftFolder", HostNftablesEmitter.INSTALL_PATH.substring(0, HostNftablesEmitter.INSTALL_PATH.lastIndexOf('/')));
        m.put("nftUnit", HostNftablesEmitter.UNIT);
        m.put("nftTable", HostNftablesEmitter.TABLE);
        firewall.gatewayHost().ifPresent(g -> m.put("gatewayHost", address(g)));
        m.put("guestsTerraform", ProxmoxGuestsEmitter.TERRAFORM_PATH);
        m.put("guestsScript", ProxmoxGuestsEmitter.SCRIPT_PATH);
        plan.meshGateway().ifPresent(g -> m.put("gateway", gateway(plan, g)));
        return m;
    }

    /** A host as commands reach it: by name through the bastion, or at its private IP. */
    static Map<String, Object> address(Host host) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", host.name());
        m.put("privateIp", host.privateIp().toString());
        m.put("bridgeIp", host.bridgeIp().toString());
        return m;
    }

    /** A host, its instance's size, and the files of its own that the runbook installs on it. */
    private static Map<String, Object> host(ClusterPlan plan, Host host) {
        Map<String, Object> m = address(host);
        m.put("ocpus", host.ocpus());
        m.put("memoryGb", host.memoryGb());
        host.secondaryPrivateIpIfAny().ifPresent(ip -> m.put("secondaryIp", ip.toString()));
        m.put("interfaces", HostNetworkEmitter.interfacesPath(host.name()));
        m.put("sysctl", HostNetworkEmitter.sysctlPath(host.name()));
        m.put("hostFirewall", ProxmoxFirewallEmitter.hostPath(host.name()));
        m.put("nftables", HostNftablesEmitter.path(host.name()));
        m.put("nftablesUnit", HostNftablesEmitter.unitPath(host.name()));
        m.put("hasMeshGateway", plan.meshGateway().filter(g -> g.host().equals(host.name())).isPresent());
        return m;
    }

    /** Each reserved IP that a host receives on a secondary private IP, once. */
    private static List<Map<String, Object>> reservedIpMoves(ClusterPlan plan) {
        Set<Map<String, Object>> moves = new LinkedHashSet<>();
        for (PublicExposure e : plan.publicExposures()) {
            Host host = e.ingressHost();
            if (host != null && host.secondaryPrivateIp() != null) {
                moves.add(Map.of("name", e.reservedIpName(), "ip", e.reservedIp().toString(),
                        "secondaryIp", host.secondaryPrivateIp().toString(), "host", host.name()));
            }
        }
        return List.copyOf(moves);
    }

    /** The cluster-wide firewall file and each guest's: all go to /etc/pve/firewall, which the cluster shares. */
    private static List<String> firewallFiles(ClusterPlan plan) {
        List<String> files = new ArrayList<>();
        files.add(ProxmoxFirewallEmitter.clusterPath());
        plan.nodes().stream().filter(n -> n.vmid() != null).forEach(n -> files.add(ProxmoxFirewallEmitter.vmPath(n.vmid())));
        plan.meshGateway().ifPresent(g -> files.add(ProxmoxFirewallEmitter.vmPath(g.ctid())));
        return files;
    }

    /** The tailnet's way in; its auth key is piped from where the spec's reference points, never written out. */
    private static Map<String, Object> gateway(ClusterPlan plan, MeshGateway gateway) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("hostname", gateway.hostname());
        m.put("ctid", gateway.ctid());
        m.put("ip", gateway.ip().toString());
        m.put("route", gateway.advertisedRoute().toString());
        m.put("tailnet", gateway.tailnet().toString());
        m.put("tags", gateway.tags());
        m.put("host", address(plan.host(gateway.host()).orElseThrow()));
        gateway.authKey().ifPresent(k -> m.put("authKey", authKey(k)));
        return m;
    }

    /** Shell text around the command that reads the key on standard input; the spec folder is two levels up. */
    private static Map<String, Object> authKey(RunbookSecret key) {
        return Map.of("pipe", key.stdinPipe(), "redirect", key.stdinRedirect("../.."));
    }
}
