/**
 * Talos machine configs and talosctl's client config.
 *
 * <p>{@link dev.clusterspec.emit.talos.TalosEmitter} writes, for every node, the multi-document config
 * of the 1.12/1.13 contract: the v1alpha1 document, the network documents that replace
 * {@code machine.network} (HostnameConfig, LinkConfig, Layer2VIPConfig on control planes,
 * ResolverConfig, TimeSyncConfig) and the ingress firewall (NetworkDefaultActionConfig in block mode
 * plus one NetworkRuleConfig per port of the firewall plan's Talos layer). Control planes carry the
 * Cilium install and the Secret objects inline and the manifest repo's content-addressed URLs under
 * {@code extraManifests}; workers carry CA certificates only.
 *
 * <p>Talos has no SSH. Rules for port 22 on the nodes (the architecture document's "SSH from the
 * Proxmox host") protect nothing; nodes are managed through apid on 50000, which the firewall plan
 * opens to the admins, the control planes and the Proxmox hosts' bridge addresses.
 */
package dev.clusterspec.emit.talos;
