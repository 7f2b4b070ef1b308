<#--
  Topology nested, the Proxmox hosts: each host's network (the bridge and its VXLAN port), the Proxmox
  cluster, the Proxmox firewall, and each host's own nftables table under a systemd unit.
-->
<#import "../lib.ftl" as lib>
## Proxmox hosts: network, cluster, firewall, nftables {#step-hosts}

Each host's network file gives it `${bridge.name}` with a VXLAN port to the other hosts (one Layer-2 segment) at MTU ${bridge.mtu};
the host's own nftables table is loaded by a systemd unit of its own (never from `/etc/nftables.conf`, whose Debian default flushes every table).
<#if bastion>
SSH reaches the hosts only through the bastion.
<#else>
The spec has no bastion: run these from wherever you administer the hosts.
</#if>

```sh
# network: the bridge, its VXLAN port and routes, forwarding (${networkInstallPath})
<#list hosts as host>
${lib.scp(host.interfaces, host, networkInstallPath)}
${lib.scp(host.sysctl, host, sysctlInstallPath)}
${lib.ssh(host)} 'sysctl --system >/dev/null && ifreload -a && ip -br addr show ${bridge.name} && bridge fdb show dev vxlan${bridge.vxlanId}'
<#if host.secondaryIp??>
${lib.ssh(host)} 'ip -4 -o addr show | grep -w ${host.secondaryIp}'   # the reserved IP's secondary address is up
</#if>
</#list>
<#if otherHosts?has_content>
# one Layer-2 segment at the full MTU: unfragmented pings from ${firstHost.name} to every other host's bridge address
<#list otherHosts as other>
${lib.ssh(firstHost)} ping -c 2 -M do -s ${bridge.pingPayload} ${other.bridgeIp}
</#list>
# the Proxmox cluster, over the VCN addresses
${lib.ssh(firstHost)} pvecm create ${cluster} --link0 ${firstHost.privateIp}
<#list otherHosts as other>
${lib.ssh(other)} pvecm add ${firstHost.privateIp} --link0 ${other.privateIp} --use_ssh 1
</#list>
${lib.ssh(firstHost)} 'pvecm status | grep -E "Nodes|Quorate"'   # ${hosts?size} nodes, quorate
</#if>
# the Proxmox firewall: /etc/pve is shared by the cluster, so every file goes to ${firstHost.name}
${lib.scp(firewallFiles?join(" "), firstHost, "/etc/pve/firewall/")}
<#list hosts as host>
${lib.scp(host.hostFirewall, firstHost, "/etc/pve/nodes/${host.name}/host.fw")}
</#list>
# on every host: the firewall compiled and running, then the nftables table by its unit
<#list hosts as host>
${lib.ssh(host)} 'pve-firewall compile >/dev/null && pve-firewall restart && pve-firewall status'
${lib.ssh(host)} mkdir -p ${nftFolder}
${lib.scp(host.nftables, host, nftInstallPath)}
${lib.scp(host.nftablesUnit, host, "/etc/systemd/system/${nftUnit}")}
${lib.ssh(host)} 'nft -c -f ${nftInstallPath} && systemctl daemon-reload && systemctl enable --now ${nftUnit} && nft list chain inet ${nftTable} forward'
</#list>
```
<#if gatewayHost??>

The VMs' default gateway is `${gatewayHost.bridgeIp}` (${gatewayHost.name}): it routes and masquerades their egress.
</#if>
