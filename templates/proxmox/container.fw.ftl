# clusterspec: Proxmox VE firewall of the mesh gateway container ${hostname} (ctid ${ctid?c}) of cluster ${cluster}.
# Generated from cluster.yaml; do not edit. Install as /etc/pve/firewall/${ctid?c}.fw; the container's
# net0 needs firewall=1. Admin traffic it routes to the nodes leaves it (OUT, accepted) and its
# replies return as established connections; inbound it needs only Tailscale's WireGuard port.

[OPTIONS]
enable: 1
policy_in: DROP
policy_out: ACCEPT

[RULES]
<#list rules as rule>
${rule}
</#list>
