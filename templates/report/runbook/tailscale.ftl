<#-- The Tailscale operator: running, and joined to the tailnet under its hostname -->
## Tailscale operator {#step-tailscale}

<#if tailscale??>
```sh
kubectl -n tailscale rollout status deploy/operator --timeout=5m
kubectl -n tailscale get pods
tailscale status | grep ${tailscale.operatorHostname}   # the operator joined the tailnet
```
<#else>
Off in this spec.
</#if>
