# clusterspec: Proxmox VE firewall of host ${host} (cluster ${cluster}). Generated from cluster.yaml; do not edit.
# Install as /etc/pve/nodes/${host}/host.fw. The inbound policy (DROP) and the aliases/ipsets used
# here are defined in cluster.fw. Forwarded traffic (DNAT, VM egress) is filtered by clusterspec.nft.

[OPTIONS]
enable: 1

[RULES]
<#list rules as rule>
${rule}
</#list>
