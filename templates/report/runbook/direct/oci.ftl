<#-- Topology direct, OCI: every Terraform file of oci/ in one apply, then what the user wires by hand -->
<#import "../lib.ftl" as lib>
<#assign holds = {"security-list": "security list", "instances": "${nodes?size} instances", "api-load-balancer": "API load balancer",
    "ccm-iam": "the CCM's dynamic group and policy", "bastion-nsg": "the bastion's security group"}>
## OCI resources {#step-oci}

One Terraform module: <#list terraformFiles as file>${file.path}<#if holds[file.kind]??> (${holds[file.kind]})</#if><#sep>, </#list>.
The subnet `${nodeNetwork}` is a public, regional subnet (its route table sends 0.0.0.0/0 to the VCN's internet gateway) with a DNS label,
so the instances' hostname labels resolve.

```sh
terraform -chdir=oci init
terraform -chdir=oci apply
# make the security list the subnet's only list (OCI unions all lists of a subnet)
SECURITY_LIST=$(echo '${securityListResource}.id' | terraform -chdir=oci console | tr -d '"')
oci network subnet update --subnet-id "$TF_VAR_clusterspec_subnet_id" --security-list-ids "[\"$SECURITY_LIST\"]" --force
oci network subnet get --subnet-id "$TF_VAR_clusterspec_subnet_id" --query 'data."security-list-ids"'   # that one list
<#if bastion>
<@lib.attachBastionNsg/>
</#if>
terraform -chdir=oci output ${apiPublicIpOutput}   # the API load balancer's public IP
<#if apiPublicName??>
# point ${apiPublicName} at that address (a DNS A record), then:
dig +short ${apiPublicName}   # the API load balancer's public IP
</#if>
terraform -chdir=oci output ${nodePublicIpsOutput}   # ${nodes?size} instances, each with its ephemeral public IP
```
