<#--
  Command shapes more than one runbook step uses. Every value arrives from the model (see
  RunbookModel and the topology's NestedRunbook or DirectRunbook); nothing here needs escaping.
-->
<#-- SSH to a Proxmox host: by its name in the bastion's ssh_config when the spec has a bastion (SSH reaches
     the hosts only from there), else as root at its private IP -->
<#function ssh host>
  <#return bastion?then("ssh -F ${sshConfig} ${host.name}", "ssh root@${host.privateIp}")>
</#function>
<#-- copies a file to a path on a Proxmox host, the way ssh reaches it -->
<#function scp file host path>
  <#return bastion?then("scp -F ${sshConfig} ${file} ${host.name}:${path}", "scp ${file} root@${host.privateIp}:${path}")>
</#function>
<#-- talosctl's endpoint and node for a configured node: the node itself (nested: the admins reach the
     bridge), or the API load balancer, which names the node by its private IP (direct) -->
<#function at node>
  <#return nested?then("-n ${node.ip} -e ${node.ip}", "-e ${adminEndpointHost} -n ${node.ip}")>
</#function>
<#-- puts the bastion's VNIC into the security group Terraform created, the only rule that admits SSH to it -->
<#macro attachBastionNsg>
NSG=$(echo '${bastionNsgResource}.id' | terraform -chdir=oci console | tr -d '"')
oci network vnic update --vnic-id <VNIC OCID of the bastion> --nsg-ids "[\"$NSG\"]" --force
ssh -F ${sshConfig} ${bastionAlias} true   # SSH reaches the bastion
</#macro>
