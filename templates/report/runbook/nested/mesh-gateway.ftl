<#--
  Topology nested, the tailnet's way in: tailscaled in the mesh gateway's container as a subnet router
  without SNAT. Its auth key is piped from where the spec's reference points, never written out.
-->
<#import "../lib.ftl" as lib>
<#assign ssh = lib.ssh(gateway.host)>
<#assign up = "pct exec ${gateway.ctid} -- tailscale up --auth-key=file:/dev/stdin --hostname=${gateway.hostname} --advertise-routes=${gateway.route} --snat-subnet-routes=false --advertise-tags=${gateway.tags?join(',')}">
## Mesh gateway ${gateway.hostname} {#step-mesh-gateway}

The container on `${bridge.name}` advertises `${gateway.route}` to the tailnet without SNAT, so every firewall layer sees the admin's own address;
the nodes and hosts route `${gateway.tailnet}` back through `${gateway.ip}`.
Its tags must be in the tailnet policy's tagOwners; approve the route in the admin console (or with autoApprovers).

```sh
${ssh} 'pct exec ${gateway.ctid} -- sh -c "echo net.ipv4.ip_forward=1 > /etc/sysctl.d/99-tailscale.conf && sysctl -p /etc/sysctl.d/99-tailscale.conf && apt-get update && apt-get install -y curl && curl -fsSL https://tailscale.com/install.sh | sh"'
<#if gateway.authKey??>
${gateway.authKey.pipe}${ssh} '${up}'<#if gateway.authKey.redirect?has_content> ${gateway.authKey.redirect}</#if>
<#else>
printf '%s' '<auth key>' | ${ssh} '${up}'
</#if>
# from your machine on the tailnet, once the route is approved: the VMs in maintenance mode, and the disk each will install to
tailscale ping ${gateway.hostname}
talosctl -n ${controlPlanes[0].ip} get disks --insecure   # one QEMU HARDDISK (the install disk) and the CD-ROMs
```
