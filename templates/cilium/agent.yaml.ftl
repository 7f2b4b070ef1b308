<#--
  The Cilium agent: DaemonSet on every node (host network, tolerates every taint), its service
  account and RBAC. Talos specifics: the capability lists without SYS_MODULE (Talos forbids module
  loading), no cgroup auto-mount (Talos provides cgroup v2 at /sys/fs/cgroup), and the API server
  reached through KubePrism on localhost.
-->
<#macro kubePrismEnv>
        - name: KUBERNETES_SERVICE_HOST
          value: ${q(kubePrismHost)}
        - name: KUBERNETES_SERVICE_PORT
          value: ${q(kubePrismPort?c)}
</#macro>
<#macro nodeEnv>
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
</#macro>
<#macro spcT>
          seLinuxOptions:
            level: s0
            type: spc_t
</#macro>
<#macro health extra=[]>
          httpGet:
            host: "127.0.0.1"
            path: /healthz
            port: 9879
            scheme: HTTP
            httpHeaders:
            - name: brief
              value: "true"
<#list extra as header>
            - name: ${header}
              value: "false"
</#list>
</#macro>
apiVersion: v1
kind: ServiceAccount
metadata:
  name: cilium
  namespace: kube-system
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: cilium
  labels:
    app.kubernetes.io/part-of: cilium
rules:
- apiGroups: [networking.k8s.io]
  resources: [networkpolicies]
  verbs: [get, list, watch]
- apiGroups: [discovery.k8s.io]
  resources: [endpointslices]
  verbs: [get, list, watch]
- apiGroups: [""]
  resources: [namespaces, services, pods, endpoints, nodes]
  verbs: [get, list, watch]
<#-- the L2 announcer keeps one lease per announced service -->
- apiGroups: [coordination.k8s.io]
  resources: [leases]
  verbs: [create, get, update, list, delete]
- apiGroups: [apiextensions.k8s.io]
  resources: [customresourcedefinitions]
  verbs: [list, watch, get]
- apiGroups: [cilium.io]
  resources:
  - ciliumloadbalancerippools
  - ciliumbgppeeringpolicies
  - ciliumbgpnodeconfigs
  - ciliumbgpadvertisements
  - ciliumbgppeerconfigs
  - ciliumclusterwideenvoyconfigs
  - ciliumclusterwidenetworkpolicies
  - ciliumegressgatewaypolicies
  - ciliumendpoints
  - ciliumendpointslices
  - ciliumenvoyconfigs
  - ciliumidentities
  - ciliumlocalredirectpolicies
  - ciliumnetworkpolicies
  - ciliumnodes
  - ciliumnodeconfigs
  - ciliumcidrgroups
  - ciliuml2announcementpolicies
  - ciliumpodippools
  verbs: [list, watch]
- apiGroups: [cilium.io]
  resources: [ciliumidentities, ciliumendpoints, ciliumnodes]
  verbs: [create]
- apiGroups: [cilium.io]
  resources: [ciliumidentities]
  verbs: [update]
- apiGroups: [cilium.io]
  resources: [ciliumendpoints]
  verbs: [delete, get]
- apiGroups: [cilium.io]
  resources: [ciliumnodes, ciliumnodes/status]
  verbs: [get, update]
- apiGroups: [cilium.io]
  resources: [ciliumendpoints/status, ciliumendpoints, ciliuml2announcementpolicies/status, ciliumbgpnodeconfigs/status]
  verbs: [patch]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: cilium
  labels:
    app.kubernetes.io/part-of: cilium
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: cilium
subjects:
- kind: ServiceAccount
  name: cilium
  namespace: kube-system
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: cilium-config-agent
  namespace: kube-system
  labels:
    app.kubernetes.io/part-of: cilium
rules:
- apiGroups: [""]
  resources: [configmaps]
  verbs: [get, list, watch]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: cilium-tlsinterception-secrets
  namespace: cilium-secrets
  labels:
    app.kubernetes.io/part-of: cilium
rules:
- apiGroups: [""]
  resources: [secrets]
  verbs: [get, list, watch]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: cilium-config-agent
  namespace: kube-system
  labels:
    app.kubernetes.io/part-of: cilium
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: cilium-config-agent
subjects:
- kind: ServiceAccount
  name: cilium
  namespace: kube-system
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: cilium-tlsinterception-secrets
  namespace: cilium-secrets
  labels:
    app.kubernetes.io/part-of: cilium
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: cilium-tlsinterception-secrets
subjects:
- kind: ServiceAccount
  name: cilium
  namespace: kube-system
---
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: cilium
  namespace: kube-system
  labels:
    k8s-app: cilium
    app.kubernetes.io/part-of: cilium
    app.kubernetes.io/name: cilium-agent
spec:
  selector:
    matchLabels:
      k8s-app: cilium
  updateStrategy:
    type: RollingUpdate
    rollingUpdate:
      maxUnavailable: 2
  template:
    metadata:
      annotations:
        kubectl.kubernetes.io/default-container: cilium-agent
<#if agentMetrics>
        prometheus.io/port: ${q(agentMetricsPort?c)}
        prometheus.io/scrape: "true"
</#if>
      labels:
        k8s-app: cilium
        app.kubernetes.io/name: cilium-agent
        app.kubernetes.io/part-of: cilium
    spec:
      securityContext:
        appArmorProfile:
          type: Unconfined
        seccompProfile:
          type: Unconfined
      containers:
      - name: cilium-agent
        image: ${q(images.agent)}
        imagePullPolicy: IfNotPresent
        command: [cilium-agent]
        args: [--config-dir=/tmp/cilium/config-map]
        startupProbe:
<@health/>
          failureThreshold: 300
          periodSeconds: 2
          successThreshold: 1
          initialDelaySeconds: 5
        livenessProbe:
<@health extra=["require-k8s-connectivity"]/>
          periodSeconds: 30
          successThreshold: 1
          failureThreshold: 10
          timeoutSeconds: 5
        readinessProbe:
<@health/>
          periodSeconds: 30
          successThreshold: 1
          failureThreshold: 3
          timeoutSeconds: 5
        env:
<@nodeEnv/>
        - name: CILIUM_CLUSTERMESH_CONFIG
          value: /var/lib/cilium/clustermesh/
        - name: GOMEMLIMIT
          valueFrom:
            resourceFieldRef:
              resource: limits.memory
              divisor: "1"
<@kubePrismEnv/>
        - name: KUBE_CLIENT_BACKOFF_BASE
          value: "1"
        - name: KUBE_CLIENT_BACKOFF_DURATION
          value: "120"
<#if agentMetrics || hubbleMetrics>
        ports:
<#if agentMetrics>
        - name: prometheus
          containerPort: ${agentMetricsPort?c}
          hostPort: ${agentMetricsPort?c}
          protocol: TCP
</#if>
<#if hubbleMetrics>
        - name: hubble-metrics
          containerPort: ${hubbleMetricsPort?c}
          hostPort: ${hubbleMetricsPort?c}
          protocol: TCP
</#if>
</#if>
        lifecycle:
          preStop:
            exec:
              command: [/cni-uninstall.sh]
        securityContext:
<@spcT/>
          capabilities:
            add: [CHOWN, KILL, NET_ADMIN, NET_RAW, IPC_LOCK, SYS_ADMIN, SYS_RESOURCE, DAC_OVERRIDE, FOWNER, SETGID, SETUID]
            drop: [ALL]
        terminationMessagePolicy: FallbackToLogsOnError
        volumeMounts:
        - name: envoy-sockets
          mountPath: /var/run/cilium/envoy/sockets
          readOnly: false
        - name: host-proc-sys-net
          mountPath: /host/proc/sys/net
        - name: host-proc-sys-kernel
          mountPath: /host/proc/sys/kernel
        - name: bpf-maps
          mountPath: /sys/fs/bpf
          mountPropagation: HostToContainer
        - name: cilium-cgroup
          mountPath: /sys/fs/cgroup
        - name: cilium-run
          mountPath: /var/run/cilium
        - name: cilium-netns
          mountPath: /var/run/cilium/netns
          mountPropagation: HostToContainer
        - name: etc-cni-netd
          mountPath: /host/etc/cni/net.d
        - name: clustermesh-secrets
          mountPath: /var/lib/cilium/clustermesh
          readOnly: true
        - name: lib-modules
          mountPath: /lib/modules
          readOnly: true
        - name: xtables-lock
          mountPath: /run/xtables.lock
<#if hubble>
        - name: hubble-tls
          mountPath: /var/lib/cilium/tls/hubble
          readOnly: true
</#if>
        - name: tmp
          mountPath: /tmp
      initContainers:
      <#-- writes the agent's configuration from the ConfigMap into the shared tmp volume -->
      - name: config
        image: ${q(images.agent)}
        imagePullPolicy: IfNotPresent
        command: [cilium-dbg, build-config]
        env:
<@nodeEnv/>
<@kubePrismEnv/>
        volumeMounts:
        - name: tmp
          mountPath: /tmp
        terminationMessagePolicy: FallbackToLogsOnError
      <#-- runs Cilium's sysctl fixer in the host's mount namespace, from the CNI bin folder it can execute in -->
      - name: apply-sysctl-overwrites
        image: ${q(images.agent)}
        imagePullPolicy: IfNotPresent
        env:
        - name: BIN_PATH
          value: /opt/cni/bin
        command:
        - sh
        - -ec
        - |
          cp /usr/bin/cilium-sysctlfix /hostbin/cilium-sysctlfix;
          nsenter --mount=/hostproc/1/ns/mnt "${r"${BIN_PATH}"}/cilium-sysctlfix";
          rm /hostbin/cilium-sysctlfix
        volumeMounts:
        - name: hostproc
          mountPath: /hostproc
        - name: cni-path
          mountPath: /hostbin
        terminationMessagePolicy: FallbackToLogsOnError
        securityContext:
<@spcT/>
          capabilities:
            add: [SYS_ADMIN, SYS_CHROOT, SYS_PTRACE]
            drop: [ALL]
      <#-- bidirectional mount propagation needs a privileged container -->
      - name: mount-bpf-fs
        image: ${q(images.agent)}
        imagePullPolicy: IfNotPresent
        args:
        - mount | grep "/sys/fs/bpf type bpf" || mount -t bpf bpf /sys/fs/bpf
        command: [/bin/bash, -c, --]
        terminationMessagePolicy: FallbackToLogsOnError
        securityContext:
          privileged: true
        volumeMounts:
        - name: bpf-maps
          mountPath: /sys/fs/bpf
          mountPropagation: Bidirectional
      - name: clean-cilium-state
        image: ${q(images.agent)}
        imagePullPolicy: IfNotPresent
        command: [/init-container.sh]
        env:
        - name: CILIUM_ALL_STATE
          valueFrom:
            configMapKeyRef:
              name: cilium-config
              key: clean-cilium-state
              optional: true
        - name: CILIUM_BPF_STATE
          valueFrom:
            configMapKeyRef:
              name: cilium-config
              key: clean-cilium-bpf-state
              optional: true
        - name: WRITE_CNI_CONF_WHEN_READY
          valueFrom:
            configMapKeyRef:
              name: cilium-config
              key: write-cni-conf-when-ready
              optional: true
<@kubePrismEnv/>
        terminationMessagePolicy: FallbackToLogsOnError
        securityContext:
<@spcT/>
          capabilities:
            add: [NET_ADMIN, SYS_ADMIN, SYS_RESOURCE]
            drop: [ALL]
        volumeMounts:
        - name: bpf-maps
          mountPath: /sys/fs/bpf
        - name: cilium-cgroup
          mountPath: /sys/fs/cgroup
          mountPropagation: HostToContainer
        - name: cilium-run
          mountPath: /var/run/cilium
      <#-- installs the CNI plugin so the agent itself needs no writable host mount -->
      - name: install-cni-binaries
        image: ${q(images.agent)}
        imagePullPolicy: IfNotPresent
        command: [/install-plugin.sh]
        resources:
          requests:
            cpu: 100m
            memory: 10Mi
        securityContext:
<@spcT/>
          capabilities:
            drop: [ALL]
        terminationMessagePolicy: FallbackToLogsOnError
        volumeMounts:
        - name: cni-path
          mountPath: /host/opt/cni/bin
      restartPolicy: Always
      priorityClassName: system-node-critical
      serviceAccountName: cilium
      automountServiceAccountToken: true
      terminationGracePeriodSeconds: 1
      hostNetwork: true
      affinity:
        podAntiAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
          - labelSelector:
              matchLabels:
                k8s-app: cilium
            topologyKey: kubernetes.io/hostname
      nodeSelector:
        kubernetes.io/os: linux
      tolerations:
      - operator: Exists
      volumes:
      - name: tmp
        emptyDir: {}
      - name: cilium-run
        hostPath:
          path: /var/run/cilium
          type: DirectoryOrCreate
      - name: cilium-netns
        hostPath:
          path: /var/run/netns
          type: DirectoryOrCreate
      - name: bpf-maps
        hostPath:
          path: /sys/fs/bpf
          type: DirectoryOrCreate
      - name: hostproc
        hostPath:
          path: /proc
          type: Directory
      - name: cilium-cgroup
        hostPath:
          path: ${cgroupRoot}
          type: DirectoryOrCreate
      - name: cni-path
        hostPath:
          path: /opt/cni/bin
          type: DirectoryOrCreate
      - name: etc-cni-netd
        hostPath:
          path: /etc/cni/net.d
          type: DirectoryOrCreate
      - name: lib-modules
        hostPath:
          path: /lib/modules
      - name: xtables-lock
        hostPath:
          path: /run/xtables.lock
          type: FileOrCreate
      - name: envoy-sockets
        hostPath:
          path: /var/run/cilium/envoy/sockets
          type: DirectoryOrCreate
      - name: clustermesh-secrets
        projected:
          <#-- 256 = octal 0400 (owner read-only); written in decimal so no YAML reader can misread it -->
          defaultMode: 256
          sources:
          - secret:
              name: cilium-clustermesh
              optional: true
          - secret:
              name: clustermesh-apiserver-remote-cert
              optional: true
              items:
              - key: tls.key
                path: common-etcd-client.key
              - key: tls.crt
                path: common-etcd-client.crt
              - key: ca.crt
                path: common-etcd-client-ca.crt
          - secret:
              name: clustermesh-apiserver-local-cert
              optional: true
              items:
              - key: tls.key
                path: local-etcd-client.key
              - key: tls.crt
                path: local-etcd-client.crt
              - key: ca.crt
                path: local-etcd-client-ca.crt
      - name: host-proc-sys-net
        hostPath:
          path: /proc/sys/net
          type: Directory
      - name: host-proc-sys-kernel
        hostPath:
          path: /proc/sys/kernel
          type: Directory
<#if hubble>
      - name: hubble-tls
        projected:
          defaultMode: 256
          sources:
          - secret:
              name: hubble-server-certs
              optional: true
              items:
              - key: tls.crt
                path: server.crt
              - key: tls.key
                path: server.key
              - key: ca.crt
                path: client-ca.crt
</#if>
