<#-- Topology nested, Talos: each VM's config applied in maintenance mode, control planes first, then etcd bootstrapped -->
<#import "../lib.ftl" as lib>
<#assign at = lib.at(controlPlanes[0])>
## Bootstrap Talos {#step-talos}

Every node waits in maintenance mode; your machine must reach `${nodeNetwork}`
<#if gateway??>(over the tailnet, through the mesh gateway).<#else>(for example through a Tailscale subnet router that advertises it).</#if>
Control planes first; the CNI comes up with them.

```sh
<#list controlPlanes + workers as node>
talosctl apply-config --insecure -n ${node.ip} -f ${node.config}
</#list>
talosctl bootstrap ${at}
talosctl health ${at} --wait-timeout 20m
talosctl kubeconfig ${at}   # merges into ~/.kube/config; the API is ${endpointUrl}
kubectl get nodes -o wide   # ${nodes?size} nodes: <#list nodes as node>${node.name}<#sep>, </#list>
```
