<#-- Where Cilium keeps the secrets of TLS-intercepting policies; the agent and operator get roles in it. -->
apiVersion: v1
kind: Namespace
metadata:
  name: cilium-secrets
  labels:
    app.kubernetes.io/part-of: cilium
