<#--
  The Tailscale Kubernetes operator: its namespace (Pod Security "privileged": the proxies it starts
  run a privileged sysctl init container and a privileged tailscaled), service accounts, RBAC, the
  operator Deployment with operator and proxy images pinned to the same release, and the ingress
  class. The OAuth client Secret it mounts is not here: it is a Talos inline manifest.
-->
<#import "../workloads/pod-security.ftl" as pss>
<@pss.namespace name=namespace level="privileged" version=podSecurityVersion/>
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: operator
  namespace: ${namespace}
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: proxies
  namespace: ${namespace}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: tailscale-operator
rules:
- apiGroups: [""]
  resources: [nodes]
  verbs: [get, list, watch]
- apiGroups: [""]
  resources: [events, services, services/status]
  verbs: [create, delete, deletecollection, get, list, patch, update, watch]
- apiGroups: [networking.k8s.io]
  resources: [ingresses, ingresses/status]
  verbs: [create, delete, deletecollection, get, list, patch, update, watch]
- apiGroups: [networking.k8s.io]
  resources: [ingressclasses]
  verbs: [get, list, watch]
- apiGroups: [discovery.k8s.io]
  resources: [endpointslices]
  verbs: [get, list, watch]
- apiGroups: [tailscale.com]
  resources: [connectors, connectors/status, proxyclasses, proxyclasses/status, proxygroups, proxygroups/status]
  verbs: [get, list, watch, update]
<#list ["dnsconfigs", "tailnets", "peerrelays", "proxygrouppolicies", "recorders"] as kind>
- apiGroups: [tailscale.com]
  resources: [${kind}, ${kind}/status]
  verbs: [get, list, watch, update]
</#list>
<#-- only to find out whether the Prometheus operator's ServiceMonitor CRD exists -->
- apiGroups: [apiextensions.k8s.io]
  resourceNames: [servicemonitors.monitoring.coreos.com]
  resources: [customresourcedefinitions]
  verbs: [get, list, watch]
- apiGroups: [admissionregistration.k8s.io]
  resources: [validatingadmissionpolicies, validatingadmissionpolicybindings]
  verbs: [list, create, delete, update, get, watch]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: tailscale-operator
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: tailscale-operator
subjects:
- kind: ServiceAccount
  name: operator
  namespace: ${namespace}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: operator
  namespace: ${namespace}
rules:
- apiGroups: [""]
  resources: [secrets, serviceaccounts, configmaps]
  verbs: [create, delete, deletecollection, get, list, patch, update, watch]
- apiGroups: [""]
  resourceNames: [operator]
  resources: [serviceaccounts/token]
  verbs: [create]
- apiGroups: [""]
  resources: [pods]
  verbs: [get, list, watch, update]
- apiGroups: [""]
  resources: [pods/status]
  verbs: [update]
- apiGroups: [apps]
  resources: [statefulsets, deployments]
  verbs: [create, delete, deletecollection, get, list, patch, update, watch]
- apiGroups: [discovery.k8s.io]
  resources: [endpointslices]
  verbs: [get, list, watch, create, update, deletecollection]
- apiGroups: [rbac.authorization.k8s.io]
  resources: [roles, rolebindings]
  verbs: [get, create, patch, update, list, watch, deletecollection]
- apiGroups: [monitoring.coreos.com]
  resources: [servicemonitors]
  verbs: [get, list, update, create, delete]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: proxies
  namespace: ${namespace}
rules:
- apiGroups: [""]
  resources: [secrets]
  verbs: [create, delete, deletecollection, get, list, patch, update, watch]
- apiGroups: [""]
  resources: [events]
  verbs: [create, patch, get]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: operator
  namespace: ${namespace}
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: operator
subjects:
- kind: ServiceAccount
  name: operator
  namespace: ${namespace}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: proxies
  namespace: ${namespace}
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: proxies
subjects:
- kind: ServiceAccount
  name: proxies
  namespace: ${namespace}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: operator
  namespace: ${namespace}
spec:
  replicas: 1
  selector:
    matchLabels:
      app: operator
  <#-- one operator at a time: it owns a tailnet device and its state Secret -->
  strategy:
    type: Recreate
  template:
    metadata:
      labels:
        app: operator
    spec:
      containers:
      - name: operator
        image: ${q(operatorImage)}
        imagePullPolicy: IfNotPresent
        env:
        - name: OPERATOR_INITIAL_TAGS
          value: ${q(operatorTags)}
        - name: OPERATOR_HOSTNAME
          value: ${q(operatorHostname)}
        - name: OPERATOR_SECRET
          value: operator
        - name: OPERATOR_LOGGING
          value: info
        - name: OPERATOR_NAMESPACE
          valueFrom:
            fieldRef:
              fieldPath: metadata.namespace
        - name: OPERATOR_SERVICE_ACCOUNT_NAME
          valueFrom:
            fieldRef:
              fieldPath: spec.serviceAccountName
        - name: OPERATOR_INGRESS_CLASS_NAME
          value: tailscale
        <#-- the OAuth client: files from the operator-oauth Secret (Talos inline manifest) -->
        - name: CLIENT_ID_FILE
          value: /oauth/client_id
        - name: CLIENT_SECRET_FILE
          value: /oauth/client_secret
        <#-- the operator supports proxies up to four minors older and none newer: same release -->
        - name: PROXY_IMAGE
          value: ${q(proxyImage)}
        - name: PROXY_TAGS
          value: ${q(proxyTags)}
        - name: APISERVER_PROXY
          value: "false"
        - name: PROXY_FIREWALL_MODE
          value: auto
        - name: POD_NAME
          valueFrom:
            fieldRef:
              fieldPath: metadata.name
        - name: POD_UID
          valueFrom:
            fieldRef:
              fieldPath: metadata.uid
        volumeMounts:
        - name: oauth
          mountPath: /oauth
          readOnly: true
      nodeSelector:
        kubernetes.io/os: linux
      serviceAccountName: operator
      volumes:
      - name: oauth
        secret:
          secretName: operator-oauth
---
apiVersion: networking.k8s.io/v1
kind: IngressClass
metadata:
  name: tailscale
spec:
  controller: tailscale.com/ts-ingress
