<#-- The CCM configuration with the OCI API key: secret, a Talos inline manifest only. -->
apiVersion: v1
kind: Secret
metadata:
  name: oci-cloud-controller-manager
  namespace: kube-system
type: Opaque
stringData:
  cloud-provider.yaml: ${q(cloudProviderYaml)}
