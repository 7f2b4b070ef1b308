<#--
  Hubble TLS without key material in the manifest: Cilium's certgen creates the CA (Secret cilium-ca)
  and the server and relay-client certificates inside the cluster. A Job does it once when Talos
  applies the manifest (the chart's post-install hook); the CronJob renews them every four months.
  The manifest itself is the same for the same spec: no random data, no private key.
-->
<#macro certgenJobSpec indent>
<#local spec>
template:
  metadata:
    labels:
      k8s-app: hubble-generate-certs
  spec:
    securityContext:
      seccompProfile:
        type: RuntimeDefault
    containers:
    - name: certgen
      image: ${q(images.certgen)}
      imagePullPolicy: IfNotPresent
      securityContext:
        capabilities:
          drop: [ALL]
        allowPrivilegeEscalation: false
      command: [/usr/bin/cilium-certgen]
      args:
      - --ca-generate
      - --ca-reuse-secret
      - --ca-secret-namespace=kube-system
      - --ca-secret-name=cilium-ca
      - --ca-common-name=Cilium CA
      env:
      - name: CILIUM_CERTGEN_CONFIG
        value: |
          certs:
          - name: hubble-server-certs
            namespace: kube-system
            commonName: "*.${clusterName}.hubble-grpc.cilium.io"
            hosts:
            - "*.${clusterName}.hubble-grpc.cilium.io"
            usage:
            - signing
            - key encipherment
            - server auth
            - client auth
            validity: ${certValidity}
<#if hubbleRelay>
          - name: hubble-relay-client-certs
            namespace: kube-system
            commonName: "*.hubble-relay.cilium.io"
            hosts:
            - "*.hubble-relay.cilium.io"
            usage:
            - signing
            - key encipherment
            - client auth
            validity: ${certValidity}
</#if>
    hostNetwork: false
    serviceAccountName: hubble-generate-certs
    automountServiceAccountToken: true
    restartPolicy: OnFailure
ttlSecondsAfterFinished: 1800
</#local>
${spec?replace("(?m)^", indent, "r")}
</#macro>
apiVersion: v1
kind: ServiceAccount
metadata:
  name: hubble-generate-certs
  namespace: kube-system
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: hubble-generate-certs
  namespace: kube-system
  labels:
    app.kubernetes.io/part-of: cilium
rules:
- apiGroups: [""]
  resources: [secrets]
  verbs: [create]
- apiGroups: [""]
  resources: [secrets]
  resourceNames: [hubble-server-certs, hubble-relay-client-certs, hubble-relay-server-certs, hubble-metrics-server-certs, hubble-ui-client-certs]
  verbs: [update]
- apiGroups: [""]
  resources: [secrets]
  resourceNames: [cilium-ca]
  verbs: [get, update]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: hubble-generate-certs
  namespace: kube-system
  labels:
    app.kubernetes.io/part-of: cilium
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: hubble-generate-certs
subjects:
- kind: ServiceAccount
  name: hubble-generate-certs
  namespace: kube-system
---
apiVersion: batch/v1
kind: CronJob
metadata:
  name: hubble-generate-certs
  namespace: kube-system
  labels:
    k8s-app: hubble-generate-certs
    app.kubernetes.io/name: hubble-generate-certs
    app.kubernetes.io/part-of: cilium
spec:
  schedule: ${q(renewSchedule)}
  concurrencyPolicy: Forbid
  jobTemplate:
    spec:
<@certgenJobSpec indent="      "/>
---
apiVersion: batch/v1
kind: Job
metadata:
  name: hubble-generate-certs
  namespace: kube-system
  labels:
    k8s-app: hubble-generate-certs
    app.kubernetes.io/name: hubble-generate-certs
    app.kubernetes.io/part-of: cilium
spec:
<@certgenJobSpec indent="  "/>
