<#--
  LoadBalancer addresses: one CiliumLoadBalancerIPPool per pool of the spec, and the L2 announcement
  policy that makes the nodes answer ARP for them on the interfaces the spec names. These are Cilium
  custom resources: they can only be created after the operator has registered Cilium's CRDs, so
  they are a manifest of their own, applied after the Cilium install.
  The first and last address of each block stay unused: the plan assigns addresses the same way.
  Each pool serves only the Services labelled with its name (services[].pool, default the first pool).
-->
<#list pools as pool>
apiVersion: cilium.io/v2
kind: CiliumLoadBalancerIPPool
metadata:
  name: ${q(pool.name)}
  labels:
    app.kubernetes.io/managed-by: clusterspec
spec:
  blocks:
  - cidr: ${q(pool.cidr)}
  allowFirstLastIPs: "No"
  serviceSelector:
    matchLabels:
      ${q(poolLabel)}: ${q(pool.name)}
---
</#list>
apiVersion: cilium.io/v2alpha1
kind: CiliumL2AnnouncementPolicy
metadata:
  name: ${q(policyName)}
  labels:
    app.kubernetes.io/managed-by: clusterspec
spec:
  loadBalancerIPs: true
  externalIPs: false
  interfaces:
<#list interfaces as regex>
  - ${q(regex)}
</#list>
