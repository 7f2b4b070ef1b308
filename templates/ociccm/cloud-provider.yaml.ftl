<#--
  The CCM's cloud-provider.yaml. The region is always written (in a nested VM the metadata service
  the CCM would ask is the host's). Security lists stay unmanaged (None): the firewall layer owns
  them, and the CCM would replace a whole list on update; the file's mode is not what the CCM applies
  to a Service (each Service carries its own annotation), it documents the intent. Without an API key
  the CCM uses the instance principal of the machine it runs on. The compartment is where it looks
  nodes' instances up (before a node is annotated with one); the VCN scopes its search of VNICs when
  the display-name lookup fails; the loadBalancer block must exist (the CCM dereferences it), with
  subnet1 only: a regional subnet.
-->
<#if apiKey>
auth:
  region: ${q(region)}
  tenancy: ${q(tenancy)}
  user: ${q(user)}
  key: ${q(privateKey)}
  fingerprint: ${q(fingerprint)}
<#else>
auth:
  region: ${q(region)}
useInstancePrincipals: true
</#if>
compartment: ${q(compartmentId)}
<#if vcnId??>
vcn: ${q(vcnId)}
</#if>
loadBalancer:
  subnet1: ${q(subnetId)}
  securityListManagementMode: None
rateLimiter:
  rateLimitQPSRead: 20.0
  rateLimitBucketRead: 5
  rateLimitQPSWrite: 20.0
  rateLimitBucketWrite: 5
