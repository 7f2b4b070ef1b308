<#--
  The OCI cloud-controller-manager: a DaemonSet on the control-plane nodes (host network, leader
  election through leases), its service account and RBAC. Its configuration, with the API key, is
  the Secret oci-cloud-controller-manager (key cloud-provider.yaml), a Talos inline manifest.
  Topology direct only (validation refuses it with nested Talos VMs, which are no OCI instances and
  have no VCN address). mode full: all controllers. mode service-controller-only: only the service
  (load balancer) controller; the nodes are left as Talos configures them.
  The /etc/kubernetes host mount of the upstream manifest is left out: the CCM does not need it.
-->
apiVersion: v1
kind: ServiceAccount
metadata:
  name: cloud-controller-manager
  namespace: kube-system
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: system:cloud-controller-manager
  labels:
    kubernetes.io/cluster-service: "true"
rules:
- apiGroups: [""]
  resources: [nodes]
  verbs: ["*"]
- apiGroups: [""]
  resources: [nodes/status]
  verbs: [patch]
- apiGroups: [""]
  resources: [services]
  verbs: [get, list, watch, patch]
- apiGroups: [""]
  resources: [services/status]
  verbs: [get, patch, update]
- apiGroups: [""]
  resources: [events]
  verbs: [create, list, watch, patch, update]
- apiGroups: [""]
  resources: [endpoints]
  verbs: [create]
- apiGroups: [""]
  resources: [endpoints]
  resourceNames: [cloud-controller-manager]
  verbs: [get, list, watch, update]
- apiGroups: [""]
  resources: [configmaps]
  verbs: [create]
- apiGroups: [""]
  resources: [configmaps]
  resourceNames: [cloud-controller-manager]
  verbs: [get, update]
- apiGroups: [""]
  resources: [configmaps]
  resourceNames: [extension-apiserver-authentication]
  verbs: [get, list, watch]
<#-- leader election between the control-plane replicas -->
- apiGroups: [coordination.k8s.io]
  resources: [leases]
  verbs: [get, create, update, delete, patch, watch]
- apiGroups: [""]
  resources: [serviceaccounts]
  verbs: [create, list, get, watch]
- apiGroups: [""]
  resources: [secrets]
  verbs: [get, list]
- apiGroups: [""]
  resources: [persistentvolumes]
  verbs: [list, watch, patch]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: oci-cloud-controller-manager
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: system:cloud-controller-manager
subjects:
- kind: ServiceAccount
  name: cloud-controller-manager
  namespace: kube-system
---
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: oci-cloud-controller-manager
  namespace: kube-system
  labels:
    k8s-app: oci-cloud-controller-manager
spec:
  selector:
    matchLabels:
      component: oci-cloud-controller-manager
      tier: control-plane
  updateStrategy:
    type: RollingUpdate
  template:
    metadata:
      labels:
        component: oci-cloud-controller-manager
        tier: control-plane
    spec:
      serviceAccountName: cloud-controller-manager
      hostNetwork: true
      priorityClassName: system-cluster-critical
      nodeSelector:
        node-role.kubernetes.io/control-plane: ""
      tolerations:
      - key: node.cloudprovider.kubernetes.io/uninitialized
        value: "true"
        effect: NoSchedule
      - key: node-role.kubernetes.io/control-plane
        operator: Exists
        effect: NoSchedule
      - key: node-role.kubernetes.io/master
        operator: Exists
        effect: NoSchedule
      volumes:
      - name: cfg
        secret:
          secretName: oci-cloud-controller-manager
      containers:
      - name: oci-cloud-controller-manager
        image: ${q(image)}
        imagePullPolicy: IfNotPresent
        command: [/usr/local/bin/oci-cloud-controller-manager]
        args:
        - --cloud-config=/etc/oci/cloud-provider.yaml
        - --cloud-provider=oci
        - --leader-elect=true
        - --leader-elect-resource-lock=leases
        - --concurrent-service-syncs=3
<#if serviceControllerOnly>
        - --controllers=service
</#if>
        - --v=2
        env:
        - name: ENABLE_FLEX_CIDR_CONTROLLER
          value: "false"
        volumeMounts:
        - name: cfg
          mountPath: /etc/oci
          readOnly: true
