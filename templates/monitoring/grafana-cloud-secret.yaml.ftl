<#--
  Grafana Cloud credentials of Alloy: a Talos inline manifest, never a manifest-repo file. It carries
  its namespace (the same object the repo has) so that it applies even while the repo cannot be fetched.
-->
<#import "../workloads/pod-security.ftl" as pss>
<@pss.namespace name=namespace level="restricted" version=podSecurityVersion/>
---
apiVersion: v1
kind: Secret
metadata:
  name: ${secretName}
  namespace: ${namespace}
type: Opaque
stringData:
  username: ${q(username)}
  logs-username: ${q(logsUsername)}
  token: ${q(token)}
