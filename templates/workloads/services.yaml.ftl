<#--
  The Services of the spec's exposure patterns:
  - public, nested topology: a LoadBalancer whose IP Cilium LB IPAM assigns from its pool (the pool
    label matches that pool's serviceSelector) and announces on the VM bridge; the Proxmox host DNATs
    the reserved public IP (on its secondary private IP) to it.
  - public, direct topology: a LoadBalancer the OCI CCM builds as a flexible load balancer (10 Mbps)
    on the reserved public IP (spec.loadBalancerIP); the API has the network load balancer.
  - tailnet: a ClusterIP Service the Tailscale operator exposes on the tailnet (an annotation, not a label).
  - cluster: a ClusterIP Service only.
-->
<#list services as s>
apiVersion: v1
kind: Service
metadata:
  name: ${q(s.name)}
  namespace: ${q(s.namespace)}
  labels:
    app.kubernetes.io/managed-by: clusterspec
    clusterspec.dev/exposure: ${q(s.exposure)}
<#list s.labels as key, value>
    ${q(key)}: ${q(value)}
</#list>
<#if s.annotations?has_content>
  annotations:
<#list s.annotations as key, value>
    ${q(key)}: ${q(value)}
</#list>
</#if>
spec:
  type: ${s.type}
<#if s.loadBalancerClass??>
  loadBalancerClass: ${q(s.loadBalancerClass)}
</#if>
<#if s.loadBalancerIP??>
  loadBalancerIP: ${q(s.loadBalancerIP)}
</#if>
<#if s.type == "LoadBalancer">
  externalTrafficPolicy: Cluster
</#if>
  selector:
<#list s.selector as key, value>
    ${q(key)}: ${q(value)}
</#list>
  ports:
<#list s.ports as p>
  - name: ${q(p.name)}
    port: ${p.port?c}
    targetPort: ${p.targetPort?c}
    protocol: ${p.protocol}
</#list>
<#sep>---</#sep>
</#list>
