<#--
  The operator's OAuth client (the operator cannot use auth keys): a Talos inline manifest of the
  control-plane configs, never a manifest-repo file. It carries its namespace (the same object the
  repo has) so that it applies even while the manifest repo cannot be fetched.
-->
<#import "../workloads/pod-security.ftl" as pss>
<@pss.namespace name=namespace level="privileged" version=podSecurityVersion/>
---
apiVersion: v1
kind: Secret
metadata:
  name: operator-oauth
  namespace: ${namespace}
type: Opaque
stringData:
  client_id: ${q(clientId)}
  client_secret: ${q(clientSecret)}
