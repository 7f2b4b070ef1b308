<#-- The OCI cloud controller manager: its DaemonSet, and in mode full the nodes it initialised -->
## OCI cloud controller manager {#step-ccm}

<#if !ccm.enabled && nested>
Off: the CCM cannot manage Talos VMs nested in Proxmox.
Public traffic takes the reserved IP → host DNAT → Cilium LoadBalancer IP path instead; nothing to install.
<#elseif !ccm.enabled>
Off in this spec: public services get no OCI load balancer.
<#else>
```sh
kubectl -n kube-system rollout status ds/oci-cloud-controller-manager --timeout=10m
kubectl -n kube-system logs ds/oci-cloud-controller-manager --tail=50   # mode: ${ccm.mode}
<#if ccm.initialisesNodes>
kubectl get nodes -o custom-columns=NAME:.metadata.name,PROVIDER-ID:.spec.providerID,TAINTS:.spec.taints[*].key   # oci://ocid1.instance... on each of the ${nodes?size} nodes, no uninitialized taint left
</#if>
```
</#if>
