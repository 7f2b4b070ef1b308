<#--
  The Cilium operator: one replica (host network, tolerates the control-plane and not-ready taints
  so it can start before the CNI works), its RBAC. It creates Cilium's CRDs at start-up, which is
  why LB pools and L2 policies are a later manifest.
-->
<#-- the CRDs the operator registers and may later update -->
<#assign ciliumCrdNames = ["ciliumloadbalancerippools", "ciliumbgppeeringpolicies", "ciliumbgpclusterconfigs", "ciliumbgppeerconfigs", "ciliumbgpadvertisements", "ciliumbgpnodeconfigs", "ciliumbgpnodeconfigoverrides", "ciliumclusterwideenvoyconfigs", "ciliumclusterwidenetworkpolicies", "ciliumegressgatewaypolicies", "ciliumendpoints", "ciliumendpointslices", "ciliumenvoyconfigs", "ciliumidentities", "ciliumlocalredirectpolicies", "ciliumnetworkpolicies", "ciliumnodes", "ciliumnodeconfigs", "ciliumcidrgroups", "ciliuml2announcementpolicies", "ciliumpodippools", "ciliumgatewayclassconfigs"]>
apiVersion: v1
kind: ServiceAccount
metadata:
  name: cilium-operator
  namespace: kube-system
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: cilium-operator
  labels:
    app.kubernetes.io/part-of: cilium
rules:
<#-- deletes kube-dns pods that started before Cilium so they come back under its management -->
- apiGroups: [""]
  resources: [pods]
  verbs: [get, list, watch, delete]
- apiGroups: [""]
  resources: [configmaps]
  resourceNames: [cilium-config]
  verbs: [patch]
- apiGroups: [""]
  resources: [nodes]
  verbs: [list, watch]
<#-- removes the agent-not-ready taint and sets NetworkUnavailable=false -->
- apiGroups: [""]
  resources: [nodes, nodes/status]
  verbs: [patch]
- apiGroups: [discovery.k8s.io]
  resources: [endpointslices]
  verbs: [get, list, watch]
<#-- LB IPAM writes the assigned LoadBalancer IPs here -->
- apiGroups: [""]
  resources: [services/status]
  verbs: [update, patch]
- apiGroups: [""]
  resources: [namespaces, secrets]
  verbs: [get, list, watch]
- apiGroups: [""]
  resources: [services, endpoints]
  verbs: [get, list, watch]
- apiGroups: [cilium.io]
  resources: [ciliumnetworkpolicies, ciliumclusterwidenetworkpolicies]
  verbs: [create, update, deletecollection, patch, get, list, watch]
- apiGroups: [cilium.io]
  resources: [ciliumnetworkpolicies/status, ciliumclusterwidenetworkpolicies/status]
  verbs: [patch, update]
- apiGroups: [cilium.io]
  resources: [ciliumendpoints, ciliumidentities]
  verbs: [delete, list, watch]
- apiGroups: [cilium.io]
  resources: [ciliumidentities]
  verbs: [update]
- apiGroups: [cilium.io]
  resources: [ciliumnodes]
  verbs: [create, update, get, list, watch, delete]
- apiGroups: [cilium.io]
  resources: [ciliumnodes/status]
  verbs: [update]
- apiGroups: [cilium.io]
  resources: [ciliumendpointslices, ciliumenvoyconfigs, ciliumbgppeerconfigs, ciliumbgpadvertisements, ciliumbgpnodeconfigs]
  verbs: [create, update, get, list, watch, delete, patch]
- apiGroups: [cilium.io]
  resources: [ciliumbgpclusterconfigs/status, ciliumbgppeerconfigs/status]
  verbs: [update]
- apiGroups: [apiextensions.k8s.io]
  resources: [customresourcedefinitions]
  verbs: [create, get, list, watch]
- apiGroups: [apiextensions.k8s.io]
  resources: [customresourcedefinitions]
  verbs: [update]
  resourceNames:
<#list ciliumCrdNames as crd>
  - ${crd}.cilium.io
</#list>
- apiGroups: [cilium.io]
  resources:
  - ciliumloadbalancerippools
  - ciliumpodippools
  - ciliumbgppeeringpolicies
  - ciliumbgpclusterconfigs
  - ciliumbgpnodeconfigoverrides
  - ciliumbgppeerconfigs
  verbs: [get, list, watch]
- apiGroups: [cilium.io]
  resources: [ciliumpodippools]
  verbs: [create]
- apiGroups: [cilium.io]
  resources: [ciliumloadbalancerippools/status]
  verbs: [patch]
<#-- leader election -->
- apiGroups: [coordination.k8s.io]
  resources: [leases]
  verbs: [create, get, update]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: cilium-operator
  labels:
    app.kubernetes.io/part-of: cilium
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: cilium-operator
subjects:
- kind: ServiceAccount
  name: cilium-operator
  namespace: kube-system
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: cilium-operator-tlsinterception-secrets
  namespace: cilium-secrets
  labels:
    app.kubernetes.io/part-of: cilium
rules:
- apiGroups: [""]
  resources: [secrets]
  verbs: [create, delete, update, patch]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: cilium-operator-tlsinterception-secrets
  namespace: cilium-secrets
  labels:
    app.kubernetes.io/part-of: cilium
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: cilium-operator-tlsinterception-secrets
subjects:
- kind: ServiceAccount
  name: cilium-operator
  namespace: kube-system
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: cilium-operator
  namespace: kube-system
  labels:
    io.cilium/app: operator
    name: cilium-operator
    app.kubernetes.io/part-of: cilium
    app.kubernetes.io/name: cilium-operator
spec:
  replicas: 1
  selector:
    matchLabels:
      io.cilium/app: operator
      name: cilium-operator
  <#-- with one replica the old pod must go first: it holds the host port -->
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxSurge: 25%
      maxUnavailable: 100%
  template:
    metadata:
      annotations:
        prometheus.io/port: "9963"
        prometheus.io/scrape: "true"
      labels:
        io.cilium/app: operator
        name: cilium-operator
        app.kubernetes.io/part-of: cilium
        app.kubernetes.io/name: cilium-operator
    spec:
      securityContext:
        seccompProfile:
          type: RuntimeDefault
      containers:
      - name: cilium-operator
        image: ${q(images.operator)}
        imagePullPolicy: IfNotPresent
        command: [cilium-operator-generic]
        args:
        - --config-dir=/tmp/cilium/config-map
        - --debug=$(CILIUM_DEBUG)
        env:
        - name: K8S_NODE_NAME
          valueFrom:
            fieldRef:
              apiVersion: v1
              fieldPath: spec.nodeName
        - name: CILIUM_K8S_NAMESPACE
          valueFrom:
            fieldRef:
              apiVersion: v1
              fieldPath: metadata.namespace
        - name: CILIUM_DEBUG
          valueFrom:
            configMapKeyRef:
              key: debug
              name: cilium-config
              optional: true
        - name: KUBERNETES_SERVICE_HOST
          value: ${q(kubePrismHost)}
        - name: KUBERNETES_SERVICE_PORT
          value: ${q(kubePrismPort?c)}
        ports:
        - name: prometheus
          containerPort: 9963
          hostPort: 9963
          protocol: TCP
        livenessProbe:
          httpGet:
            host: "127.0.0.1"
            path: /healthz
            port: 9234
            scheme: HTTP
          initialDelaySeconds: 60
          periodSeconds: 10
          timeoutSeconds: 3
        readinessProbe:
          httpGet:
            host: "127.0.0.1"
            path: /healthz
            port: 9234
            scheme: HTTP
          initialDelaySeconds: 0
          periodSeconds: 5
          timeoutSeconds: 3
          failureThreshold: 5
        volumeMounts:
        - name: cilium-config-path
          mountPath: /tmp/cilium/config-map
          readOnly: true
        securityContext:
          allowPrivilegeEscalation: false
          capabilities:
            drop: [ALL]
        terminationMessagePolicy: FallbackToLogsOnError
      hostNetwork: true
      restartPolicy: Always
      priorityClassName: system-cluster-critical
      serviceAccountName: cilium-operator
      automountServiceAccountToken: true
      affinity:
        podAntiAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
          - labelSelector:
              matchLabels:
                io.cilium/app: operator
            topologyKey: kubernetes.io/hostname
      nodeSelector:
        kubernetes.io/os: linux
      tolerations:
      - key: node-role.kubernetes.io/control-plane
        operator: Exists
      - key: node-role.kubernetes.io/master
        operator: Exists
      - key: node.kubernetes.io/not-ready
        operator: Exists
      - key: node.cloudprovider.kubernetes.io/uninitialized
        operator: Exists
      - key: node.cilium.io/agent-not-ready
        operator: Exists
      volumes:
      - name: cilium-config-path
        configMap:
          name: cilium-config
