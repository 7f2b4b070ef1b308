package dev.clusterspec.plan.firewall;

import dev.clusterspec.plan.Ports;
import java.util.Map;

/** Rule names by port: the well-known ports of the cluster by what they are for, others by protocol and number. */
final class PortNames {

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("tcp/" + Ports.SSH, "ssh"),
            Map.entry("tcp/" + Ports.TALOS_APID, "apid"),
            Map.entry("tcp/" + Ports.TALOS_TRUSTD, "trustd"),
            Map.entry("tcp/" + Ports.ETCD_CLIENT + "-" + Ports.ETCD_PEER, "etcd"),
            Map.entry("tcp/" + Ports.KUBELET, "kubelet"),
            Map.entry("udp/" + Ports.CILIUM_VXLAN, "cilium-vxlan"),
            Map.entry("tcp/" + Ports.CILIUM_HEALTH, "cilium-health"),
            Map.entry("tcp/" + Ports.HUBBLE_SERVER, "hubble"),
            Map.entry("tcp/" + Ports.CILIUM_METRICS_FIRST + "-" + Ports.CILIUM_METRICS_LAST, "cilium-metrics"),
            Map.entry("udp/" + Ports.TAILSCALE_WIREGUARD, "tailscale"),
            Map.entry("tcp/" + Ports.KUBE_PROXY_HEALTHZ, "lb-health"),
            Map.entry("tcp/" + Ports.NODE_PORT_FIRST + "-" + Ports.NODE_PORT_LAST, "nodeports"),
            Map.entry("tcp/" + Ports.PROXMOX_API, "pve-api"),
            Map.entry("udp/" + Ports.COROSYNC_FIRST + "-" + Ports.COROSYNC_LAST, "corosync"),
            Map.entry("udp/" + Ports.VXLAN_SDN, "sdn-vxlan"));

    private PortNames() {}

    /** A short name for a protocol/port (e.g. {@code apid}), else {@code tcp-443}; usable as a rule name. */
    static String of(Protocol protocol, PortRange ports, int apiServerPort) {
        String key = protocol.id() + "/" + ports;
        if (protocol == Protocol.TCP && ports.isSingle() && ports.from() == apiServerPort) {
            return "kube-apiserver";
        }
        return NAMES.getOrDefault(key, protocol.id() + "-" + ports.toString().replace(':', '-'));
    }
}
