<#-- The generated default policies are in the cluster: as many as the generator wrote -->
## Default network policies {#step-policies}

```sh
kubectl get networkpolicies -A -l app.kubernetes.io/managed-by=clusterspec   # ${policies.networkPolicies} expected
kubectl get ciliumnetworkpolicies -A -l app.kubernetes.io/managed-by=clusterspec   # ${policies.ciliumPolicies} expected
```
