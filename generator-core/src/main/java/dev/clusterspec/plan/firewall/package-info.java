/**
 * The firewall rule model: every allowed flow (source, destination, protocol, ports, layer, reason)
 * of the five layers (OCI security list, Proxmox firewall, host nftables, Talos ingress firewall,
 * network policies), derived once from the {@link dev.clusterspec.plan.ClusterPlan} by
 * {@link dev.clusterspec.plan.firewall.FirewallPlan#of}. Emitters render their layer from it.
 */
package dev.clusterspec.plan.firewall;
