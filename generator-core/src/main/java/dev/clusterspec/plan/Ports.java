package dev.clusterspec.plan;


/**
 * Well-known ports the layers open. Talos/Kubernetes/Cilium ports are those of Talos 1.13 and
 * Cilium 1.18 (tunnel mode); Proxmox ports are those its cluster stack uses.
 */
public final class Ports {

    public static final int SSH = 22;
    public static final int DNS = 53;
    public static final int ETCD_CLIENT = 2379;
    public static final int ETCD_PEER = 2380;
    public static final int KUBELET = 10250;
    public static final int TALOS_APID = 50000;
    public static final int TALOS_TRUSTD = 50001;
    public static final int CILIUM_VXLAN = 8472;
    public static final int CILIUM_HEALTH = 4240;
    public static final int HUBBLE_SERVER = 4244;
    /** Prometheus endpoints on the host network: cilium-agent 9962, operator 9963, Envoy 9964, Hubble 9965. */
    public static final int CILIUM_AGENT_METRICS = 9962;
    public static final int HUBBLE_METRICS = 9965;
    public static final int CILIUM_METRICS_FIRST = CILIUM_AGENT_METRICS;
    public static final int CILIUM_METRICS_LAST = HUBBLE_METRICS;
    /** KubePrism: Talos's node-local API server load balancer, which Cilium uses instead of kube-proxy's ClusterIP. */
    public static final int KUBEPRISM = 7445;
    public static final int TAILSCALE_WIREGUARD = 41641;
    /**
     * kube-proxy's health server, which OCI load balancers of the CCM probe ({@code HTTP :10256/healthz}
     * for externalTrafficPolicy Cluster); with kube-proxy replaced, Cilium serves it when told to.
     */
    public static final int KUBE_PROXY_HEALTHZ = 10256;
    /** Kubernetes' NodePort range, where the CCM's load balancers send a public service's traffic. */
    public static final int NODE_PORT_FIRST = 30000;
    public static final int NODE_PORT_LAST = 32767;
    public static final int PROXMOX_API = 8006;
    public static final int COROSYNC_FIRST = 5405;
    public static final int COROSYNC_LAST = 5412;
    public static final int VXLAN_SDN = 4789;
    /**
     * The container port name of an application's metrics: Grafana Alloy scrapes pods of the
     * application namespaces by it, and their network policies admit the monitoring namespace on it.
     */
    public static final String WORKLOAD_METRICS_PORT_NAME = "metrics";

    private Ports() {}
}
