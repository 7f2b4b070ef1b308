<#-- Cilium comes up with the control planes: wait for it, its LoadBalancer pools and, with the relay, Hubble -->
## Wait for Cilium {#step-cilium}

```sh
kubectl -n kube-system rollout status ds/cilium --timeout=10m
kubectl -n kube-system rollout status deploy/cilium-operator --timeout=10m
cilium status --wait
<#if loadBalancerPools?has_content>
kubectl get ciliumloadbalancerippools,ciliuml2announcementpolicies   # pools: <#list loadBalancerPools as pool>${pool.name} ${pool.cidr}<#sep>, </#list>
</#if>
<#if hubbleRelay>
# Hubble: flows through the relay
kubectl -n kube-system rollout status deploy/hubble-relay --timeout=5m
kubectl -n kube-system port-forward svc/hubble-relay 4245:80 &
hubble observe --server localhost:4245 --last 20
</#if>
```
