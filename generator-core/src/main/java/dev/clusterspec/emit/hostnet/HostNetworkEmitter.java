package dev.clusterspec.emit.hostnet;

import dev.clusterspec.emit.OutputFile;
import dev.clusterspec.emit.Templates;
import dev.clusterspec.plan.ClusterPlan;
import dev.clusterspec.plan.Route;
import dev.clusterspec.plan.Ports;
import dev.clusterspec.spec.Proxmox;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each Proxmox host's own network (nested topology), as ifupdown2 stanzas for
 * {@code /etc/network/interfaces.d/}: the VM bridge with the host's bridge address, a unicast VXLAN
 * port to every other host's VCN address (so the bridges of all hosts are one Layer-2 segment), the
 * MTU both carry, the route back to the tailnet through the mesh gateway, and the secondary private
 * IP a reserved IP maps to on the host that receives it. Plus the sysctl that lets the host route.
 *
 * <p>ifupdown2 files rather than Proxmox SDN: each host's bridge needs an address of its own (SDN's
 * VXLAN zone gives a VNet none, or the same gateway on every host), the files work before the
 * Proxmox cluster is formed, and the stanzas are brought up by the real ifupdown2 in the tests.
 */
public final class HostNetworkEmitter {

    /** Where the runbook installs a host's network file; Proxmox's interfaces file sources this folder. */
    public static final String INSTALL_PATH = "/etc/network/interfaces.d/clusterspec";
    public static final String SYSCTL_INSTALL_PATH = "/etc/sysctl.d/99-clusterspec.conf";

    private HostNetworkEmitter() {}

    public static String interfacesPath(String host) {
        return "hosts/" + host + "/interfaces";
    }

    public static String sysctlPath(String host) {
        return "hosts/" + host + "/99-clusterspec.conf";
    }

    public static List<OutputFile> emit(ClusterPlan plan) {
        List<OutputFile> files = new ArrayList<>();
        if (!plan.nested()) {
            return files;
        }
        Proxmox proxmox = plan.spec().proxmox();
        for (Proxmox.Host host : proxmox.hosts()) {
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("cluster", plan.name());
            model.put("host", host.name());
            files.add(OutputFile.text(interfacesPath(host.name()), Templates.get().render("hostnet/interfaces.ftl", interfaces(plan, proxmox, host, model))));
            files.add(OutputFile.text(sysctlPath(host.name()), Templates.get().render("hostnet/sysctl.conf.ftl", model)));
        }
        return files;
    }

    private static Map<String, Object> interfaces(ClusterPlan plan, Proxmox proxmox, Proxmox.Host host, Map<String, Object> common) {
        Proxmox.Bridge bridge = proxmox.bridge();
        Map<String, Object> model = new LinkedHashMap<>(common);
        model.put("installPath", INSTALL_PATH);
        model.put("bridge", bridge.name());
        model.put("address", host.bridgeIp() + "/" + bridge.cidr().prefixLength());
        model.put("mtu", bridge.mtu());
        model.put("vxlan", "vxlan" + bridge.vxlanId());
        model.put("vxlanId", bridge.vxlanId());
        model.put("vxlanPort", Ports.VXLAN_SDN);
        model.put("localIp", host.privateIp().toString());
        model.put("remotes", proxmox.hosts().stream().filter(h -> !h.name().equals(host.name())).map(h -> h.privateIp().toString()).toList());
        List<Map<String, String>> routes = new ArrayList<>();
        for (Route route : plan.extraRoutes()) {
            routes.add(Map.of("destination", route.destination().toString(), "gateway", route.gateway().toString(), "reason", route.reason()));
        }
        model.put("routes", routes);
        if (host.secondaryPrivateIp() != null) {
            model.put("uplink", host.uplink());
            model.put("secondary", host.secondaryPrivateIp() + "/" + plan.spec().oci().vcn().subnet().prefixLength());
            model.put("reservedIp", host.ingressFor());
        }
        return model;
    }
}
