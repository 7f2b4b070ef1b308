<#--
  Topology direct, Talos: maintenance mode at each node's public IP (admins outside the VCN) or from the
  bastion at its private IP, then everything through the API load balancer.
-->
<#import "../lib.ftl" as lib>
<#assign at = lib.at(controlPlanes[0])>
## Bootstrap Talos {#step-talos}

<#if adminsOnBastion>
The instances run no config yet: each waits in maintenance mode, where apid takes a config from anyone who reaches it.
The admins are the bastion: copy this output folder there (`talos/` holds secrets; delete it afterwards)
and run these commands on it, against the nodes' and the API load balancer's private addresses.
<#else>
The instances run no config yet: each waits in maintenance mode, where apid takes a config from anyone who reaches it;
the security list lets only the admins (`${admins?join(", ")}`) reach it, at the node's public IP.
Once configured, talosctl goes through the API load balancer (`${adminEndpointHost}:${talosPort}`) and names a node by its private IP.
Control planes first; the CNI comes up with them.
</#if>

```sh
<#if adminsOnBastion>
scp -F ${sshConfig} -r ../cluster ${bastionAlias}:   # the whole output folder; talos/ holds secrets
ssh -F ${sshConfig} ${bastionAlias}   # then: cd cluster && export TALOSCONFIG="$PWD/${talosconfig}"
</#if>
<#list controlPlanes + workers as node>
talosctl apply-config --insecure -n <#if adminsOnBastion>${node.ip}<#else>"$(terraform -chdir=oci output -json ${nodePublicIpsOutput} | jq -r '."${node.name}"')"</#if> -f ${node.config}
</#list>
talosctl bootstrap ${at}
talosctl health ${at} --wait-timeout 20m
oci nlb backend-set-health get --backend-set-name kube-apiserver --network-load-balancer-id "$(terraform -chdir=oci output -raw ${apiLoadBalancerIdOutput})" --query data.status --raw-output   # OK: every control plane's API server answers the load balancer (401 to its anonymous /readyz)
talosctl kubeconfig ${at}   # merges into ~/.kube/config
<#-- the kubeconfig names the cluster endpoint (the load balancer's private IP), which only the VCN reaches -->
<#if adminApiUrl != endpointUrl>
kubectl config set-cluster ${cluster} --server=${adminApiUrl}   # the public address; the nodes use ${endpointUrl}
</#if>
kubectl get nodes -o wide   # ${nodes?size} nodes: <#list nodes as node>${node.name}<#sep>, </#list>
```
