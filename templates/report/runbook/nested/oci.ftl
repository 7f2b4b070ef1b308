<#-- Topology nested, OCI: the hosts' instances, the subnet's security list, the reserved IPs onto the hosts that DNAT them -->
<#import "../lib.ftl" as lib>
## OCI: instances, security list, reserved IP {#step-oci}

Create the Proxmox hosts as `VM.Standard.A1.Flex` instances in subnet `${subnet}`
with these private IPs: <#list hosts as host>${host.name} ${host.privateIp} (${host.ocpus} OCPU, ${host.memoryGb} GB)<#sep>, </#list>;
install Proxmox VE on each (Debian 12; on Ampere a Proxmox VE port for arm64)<#if bastionIp??>; the bastion at ${bastionIp}</#if>.

```sh
# the security list of the subnet (${securityListPath})<#if bastion> and the bastion's security group (${bastionNsgPath})</#if>
terraform -chdir=oci init
terraform -chdir=oci apply -var ${compartmentVariable}=<compartment OCID> -var ${vcnVariable}=<VCN OCID>
# attach the list to the subnet ${subnet} as its only security list
<#if bastion>
<@lib.attachBastionNsg/>
</#if>
<#list reservedIpMoves as move>
# reserved IP ${move.name} (${move.ip}) onto the secondary private IP ${move.secondaryIp} of ${move.host}
oci network vnic assign-private-ip --vnic-id <VNIC OCID of ${move.host}> --ip-address ${move.secondaryIp}
oci network public-ip update --public-ip-id <OCID of reserved IP ${move.name}> --private-ip-id <OCID of private IP ${move.secondaryIp}>
</#list>
<#if bastion>
# SSH reaches every host, only through the bastion (${sshConfig})
<#list hosts as host>
${lib.ssh(host)} hostname
</#list>
</#if>
```
