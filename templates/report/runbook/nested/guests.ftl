<#-- Topology nested, the guests: the Talos VMs (and the mesh gateway's container), by Terraform or by the script on each host -->
<#import "../lib.ftl" as lib>
## The Talos VMs<#if gateway??> and the mesh gateway container</#if> {#step-guests}

Each VM boots the Talos ${image.talosVersion} ISO of the cluster's schematic `${image.schematic}` (${image.schematicPath})
and waits in maintenance mode at its address, which it takes from its cloud-init drive; its NIC has the MAC its Talos config selects.
With Terraform (`${guestsTerraform}`, through a tunnel to the Proxmox API) or, without it, with `${guestsScript}` on each host.

```sh
<#if bastion>
ssh -F ${sshConfig} -N -L 8006:localhost:8006 ${firstHost.name} &
<#else>
# the API of ${firstHost.name}
</#if>
terraform -chdir=proxmox init
terraform -chdir=proxmox apply -var proxmox_endpoint=https://${bastion?then("localhost", firstHost.privateIp)}:8006/ -var proxmox_insecure=true -var 'proxmox_password=<root password>'<#if gateway??> -var gateway_template=local:vztmpl/<Debian 12 template></#if>
# or, without Terraform:
<#list hosts as host>
${lib.ssh(host)} '<#if host.hasMeshGateway>GATEWAY_TEMPLATE=local:vztmpl/<Debian 12 template> </#if>sh -s -- ${host.name}' < ${guestsScript}
</#list>
# every guest runs, and every VM answers at its address (no Talos firewall in maintenance mode)
${lib.ssh(firstHost)} 'pvesh get /cluster/resources --type vm --output-format text'
${lib.ssh(firstHost)} 'for ip in <#list nodes as node>${node.ip}<#sep> </#list>; do ping -c 1 -W 2 $ip >/dev/null && echo "$ip up" || echo "$ip DOWN"; done'
```
