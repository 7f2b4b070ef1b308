#!/usr/sbin/nft -f
# clusterspec: nftables of Proxmox host ${host} (cluster ${cluster}). Generated from cluster.yaml; do not edit.
#
# Owns only "table inet ${table}": the first two statements make sure it exists and delete it, the
# definition below creates it again; nft applies the file as one transaction, so loading it again
# replaces the table atomically and leaves Proxmox's own firewall tables alone.
# Install as ${installPath}; ${unit} loads it at boot and again
# whenever nftables.service (re)starts or reloads. Never include it from /etc/nftables.conf: Debian's
# begins by flushing the whole ruleset, Proxmox's tables included.
# Forwarding needs net.ipv4.ip_forward=1 (99-clusterspec.conf).
<#if ingressAddress?has_content>
#
# Public services arrive at ${ingressAddress}, a secondary private IP of this host's VNIC that OCI
# maps the reserved public IP to (the host never sees the public address; the host's interfaces
# file adds ${ingressAddress} to its VCN interface). They are DNATed to their LoadBalancer IP, which
# Cilium announces on ${bridge}.
# Client addresses are kept (no SNAT)<#if gateway>; replies return through this host, the VMs' gateway<#else>.
# WARNING: this host is not the VMs' default gateway, so replies to DNATed connections bypass it;
# make it the gateway (proxmox.bridge.gateway) or route the LoadBalancer pool's replies back here</#if>.
</#if>

table inet ${table}
delete table inet ${table}

table inet ${table} {
<#if conntrackZones?has_content>
    chain conntrack_zones {
        type filter hook prerouting priority raw; policy accept;
<#list conntrackZones as rule>
        ${rule}
</#list>
    }

</#if>
<#if dnat?has_content>
    chain prerouting {
        type nat hook prerouting priority dstnat; policy accept;
<#list dnat as rule>
        ${rule}
</#list>
    }

</#if>
<#if masquerade?has_content>
    chain postrouting {
        type nat hook postrouting priority srcnat; policy accept;
<#list masquerade as rule>
        ${rule}
</#list>
    }

</#if>
    chain forward {
        type filter hook forward priority filter; policy drop;
<#list bridged as rule>
        ${rule}
</#list>
        ct state established,related accept
        ct state invalid drop
<#list forward as rule>
        ${rule}
</#list>
        counter comment "dropped by the forward policy"
    }
}
