package dev.clusterspec.emit.cilium;

/**
 * Ports the Cilium manifests open, for the monitoring scrape configuration and the firewall layers.
 * Agent, operator and Envoy run on the host network, so these are node ports.
 */
public final class CiliumPorts {

    /** Agent health (TCP, node to node) and ICMP echo. */
    public static final int HEALTH = 4240;
    /** Hubble server on every node; Hubble Relay connects to it. */
    public static final int HUBBLE_PEER = 4244;
    /** VXLAN overlay between nodes (UDP), the default tunnel mode. */
    public static final int VXLAN = 8472;
    /** Agent Prometheus metrics (only when monitoring is on). */
    public static final int AGENT_METRICS = 9962;
    /** Operator Prometheus metrics. */
    public static final int OPERATOR_METRICS = 9963;
    /** Envoy Prometheus metrics. */
    public static final int ENVOY_METRICS = 9964;
    /** Hubble metrics. */
    public static final int HUBBLE_METRICS = 9965;
    /** KubePrism, Talos's local API server load balancer the agents use instead of kube-proxy's ClusterIP. */
    public static final int KUBEPRISM = 7445;

    private CiliumPorts() {}
}
