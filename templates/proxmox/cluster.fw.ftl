# clusterspec: Proxmox VE cluster firewall of cluster ${cluster}. Generated from cluster.yaml; do not edit.
# Install as /etc/pve/firewall/cluster.fw. Inbound traffic to the hosts is dropped unless a rule
# (host.fw) or Proxmox's built-in management rules (ipset "management") allow it; each Talos VM
# drops inbound traffic except what the security groups below allow (its <vmid>.fw).
# Admin sources (ipset "admins") are seen unchanged only if the tailnet subnet router on the bridge
# does not SNAT (tailscale up --snat-subnet-routes=false).

[OPTIONS]
enable: 1
policy_in: DROP
policy_out: ACCEPT

[ALIASES]
<#list aliases as alias>
${alias.name} ${alias.members[0]} # ${alias.comment}
</#list>

[IPSET management] # Proxmox accepts GUI (8006), SSH, VNC and SPICE from these on every host
<#list management as member>
${member.members[0]} # ${member.comment}
</#list>
<#list ipsets as set>

[IPSET ${set.name}] # ${set.comment}
<#list set.members as member>
${member}
</#list>
</#list>
<#list groups as name, rules>

[group ${name}]
<#list rules as rule>
${rule}
</#list>
</#list>
