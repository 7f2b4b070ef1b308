<#--
  Each exposure pattern tested from where its clients are: public services from the internet at their
  reserved IP, tailnet services from a tailnet device, and each reachability assertion with a probe pod
  that the restricted Pod Security Standard admits.
-->
<#import "lib.ftl" as lib>
<#-- curl for HTTP(S) on their usual ports, nc for any other TCP or UDP port -->
<#function probe host port>
  <#if port.udp><#return "nc -vzu -w 5 ${host} ${port.number}"></#if>
  <#if port.number == 443><#return "curl -sv --max-time 10 -o /dev/null https://${host}/"></#if>
  <#if port.number == 80><#return "curl -sv --max-time 10 -o /dev/null http://${host}/"></#if>
  <#return "nc -vz -w 5 ${host} ${port.number}">
</#function>
## Test the exposure patterns {#step-exposure}

```sh
kubectl get svc -A
<#list publicServices as s>
# public: ${s.namespace}/${s.name}<#if s.loadBalancerIp??> (EXTERNAL-IP ${s.loadBalancerIp})</#if>
<#if nested>
kubectl -n ${s.namespace} get svc ${s.name}
<#else>
kubectl -n ${s.namespace} get svc ${s.name} -o jsonpath='{.status.loadBalancer.ingress[0].ip}'   # ${s.address} once the CCM has built the load balancer
</#if>
<#list s.ports as port>
${probe(s.address, port)}   # from the internet
</#list>
<#if s.ingressHost??>
${lib.ssh(s.ingressHost)} nft list chain inet ${nftTable} prerouting
</#if>
</#list>
<#list tailnetServices as s>
# tailnet: ${s.namespace}/${s.name}
tailscale status | grep ${s.address}
<#list s.ports as port>
${probe(s.address, port)}   # from a device on the tailnet
</#list>
</#list>
<#list reachability as r>
# ${r.from} -> ${r.namespace}/${r.name}:${r.port} must <#if r.allowed>connect<#else>time out</#if>
kubectl -n ${r.from} run probe --rm -i --restart=Never --image=busybox:1.36 --overrides='{"spec":{"securityContext":{"runAsNonRoot":true,"runAsUser":65534,"seccompProfile":{"type":"RuntimeDefault"}},"containers":[{"name":"probe","image":"busybox:1.36","command":["nc","-zv","-w","5","${r.host}","${r.port}"],"securityContext":{"allowPrivilegeEscalation":false,"capabilities":{"drop":["ALL"]}}}]}}'
</#list>
```
