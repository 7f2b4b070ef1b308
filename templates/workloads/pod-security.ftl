<#--
  Pod Security Admission labels of a namespace: the level enforced, and the same level audited and
  warned about, each pinned to the cluster's Kubernetes minor so that a Kubernetes upgrade does not
  silently tighten or loosen what the namespace admits. Written at metadata.labels indentation.
-->
<#macro labels level version>
    pod-security.kubernetes.io/enforce: ${q(level)}
    pod-security.kubernetes.io/enforce-version: ${q(version)}
    pod-security.kubernetes.io/audit: ${q(level)}
    pod-security.kubernetes.io/audit-version: ${q(version)}
    pod-security.kubernetes.io/warn: ${q(level)}
    pod-security.kubernetes.io/warn-version: ${q(version)}
</#macro>
<#-- a whole Namespace object -->
<#macro namespace name level version>
apiVersion: v1
kind: Namespace
metadata:
  name: ${q(name)}
  labels:
    app.kubernetes.io/managed-by: clusterspec
<@labels level=level version=version/>
</#macro>
