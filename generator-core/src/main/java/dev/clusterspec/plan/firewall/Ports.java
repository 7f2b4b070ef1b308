package dev.clusterspec.plan.firewall;

/**
 * Well-known ports the layers open. Talos/Kubernetes/Cilium ports are those of Talos 1.13 and
 * Cilium 1.18 (tunnel mode); Proxmox ports are those its cluster stack uses.
 */
public final class Ports {

    public static final int SSH = 22;
    public static final int DNS = 53;
    public static final int KUBE_APISERVER = 6443;
    public static final int ETCD_CLIENT = 2379;
    public static final int ETCD_PEER = 2380;
    public static final int KUBELET = 10250;
    public static final int TALOS_APID = 50000;
    public static final int TALOS_TRUSTD = 50001;
    public static final int CILIUM_VXLAN = 8472;
    public static final int CILIUM_HEALTH = 4240;
    public static final int HUBBLE_SERVER = 4244;
    public static final int TAILSCALE_WIREGUARD = 41641;
    public static final int PROXMOX_API = 8006;
    public static final int COROSYNC_FIRST = 5405;
    public static final int COROSYNC_LAST = 5412;
    public static final int VXLAN_SDN = 4789;

    private Ports() {}
}
