package dev.clusterspec.plan.firewall;

/**
 * Where a flow is enforced. Each layer denies by default and allows only its flows; a connection
 * from outside to a pod has to pass every layer on its path.
 */
public enum Layer {
    /** OCI security list of the subnet the Proxmox hosts (or, direct topology, the nodes) sit in. */
    OCI_SECURITY_LIST("OCI security list"),
    /** Proxmox VE firewall: cluster.fw, each host.fw, each VM's &lt;vmid&gt;.fw. */
    PROXMOX("Proxmox firewall"),
    /** The project's own nftables table on each Proxmox host: DNAT of public services and the forward filter. */
    NFTABLES_HOST("Host nftables"),
    /** Talos ingress firewall (NetworkDefaultActionConfig block + NetworkRuleConfig documents). */
    TALOS("Talos ingress firewall"),
    /** Kubernetes NetworkPolicies and CiliumNetworkPolicies of the namespaces clusterspec creates. */
    NETWORK_POLICY("Network policies");

    private final String title;

    Layer(String title) {
        this.title = title;
    }

    /** Human title for reports. */
    public String title() {
        return title;
    }
}
