# clusterspec: network of Proxmox host ${host} (cluster ${cluster}). Generated from cluster.yaml; do not edit.
#
# Install as ${installPath} and apply with: ifreload -a
# (Proxmox's /etc/network/interfaces sources /etc/network/interfaces.d/*; it must not define ${bridge}).
#
# ${bridge} is one Layer-2 segment across the hosts: ${vxlan} carries it to <#if remotes?has_content>${remotes?join(", ")}<#else>no other host</#if>
# (unicast VXLAN, VNI ${vxlanId?c}, UDP ${vxlanPort?c}). MTU ${mtu?c}: the VCN's 9000 less 50 bytes of VXLAN
# headers; every VM NIC on ${bridge} uses the same MTU, and Cilium's own tunnel inside the VMs
# takes its 50 bytes from it.
<#if uplink??>

# the reserved IP ${reservedIp} arrives at ${secondary}, a secondary private IP of this host's VNIC:
# OCI delivers it but never configures it in the guest. Merged with the host's own ${uplink} stanza
# (DHCP on OCI), which stays as it is.
iface ${uplink}
    up ip addr replace ${secondary} dev ${uplink}
    down ip addr del ${secondary} dev ${uplink}
</#if>
<#if remotes?has_content>

auto ${vxlan}
iface ${vxlan}
    vxlan-id ${vxlanId?c}
    vxlan-local-tunnelip ${localIp}
<#list remotes as remote>
    vxlan-remoteip ${remote}
</#list>
    vxlan-port ${vxlanPort?c}
    mtu ${mtu?c}
</#if>

auto ${bridge}
iface ${bridge} inet static
    address ${address}
    bridge-ports <#if remotes?has_content>${vxlan}<#else>none</#if>
    bridge-stp off
    bridge-fd 0
    mtu ${mtu?c}
<#list routes as route>
    # ${route.reason}
    up ip route replace ${route.destination} via ${route.gateway} dev ${bridge}
    down ip route del ${route.destination} via ${route.gateway} dev ${bridge}
</#list>
