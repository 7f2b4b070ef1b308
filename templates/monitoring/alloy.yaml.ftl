<#--
  Grafana Alloy: one replica ships Cilium/Hubble metrics and the pods' logs to Grafana Cloud. It
  runs as the image's non-root alloy user (473) with a read-only root file system, so its namespace
  enforces Pod Security "restricted". One replica on purpose: two would ship every log line twice.
-->
<#import "../workloads/pod-security.ftl" as pss>
<@pss.namespace name=namespace level="restricted" version=podSecurityVersion/>
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: alloy
  namespace: ${namespace}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: clusterspec-alloy
rules:
<#-- pod discovery for the scrape targets, and the logs it tails through the API -->
- apiGroups: [""]
  resources: [pods, pods/log]
  verbs: [get, list, watch]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: clusterspec-alloy
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: clusterspec-alloy
subjects:
- kind: ServiceAccount
  name: alloy
  namespace: ${namespace}
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: alloy-config
  namespace: ${namespace}
data:
  config.alloy: ${q(config)}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: alloy
  namespace: ${namespace}
  labels:
    app.kubernetes.io/name: alloy
    app.kubernetes.io/managed-by: clusterspec
spec:
  replicas: 1
  strategy:
    type: Recreate
  selector:
    matchLabels:
      app.kubernetes.io/name: alloy
  template:
    metadata:
      labels:
        app.kubernetes.io/name: alloy
      annotations:
        <#-- a new configuration restarts the pod when the manifest is applied -->
        clusterspec.dev/config-sha256: ${q(configSha256)}
    spec:
      serviceAccountName: alloy
      securityContext:
        runAsNonRoot: true
        runAsUser: 473
        runAsGroup: 473
        fsGroup: 473
        seccompProfile:
          type: RuntimeDefault
      containers:
      - name: alloy
        image: ${q(image)}
        imagePullPolicy: IfNotPresent
        args:
        - run
        - /etc/alloy/config.alloy
        - --storage.path=/var/lib/alloy/data
        - --server.http.listen-addr=0.0.0.0:12345
        - --stability.level=generally-available
        env:
        - name: GRAFANA_CLOUD_USERNAME
          valueFrom:
            secretKeyRef:
              name: ${secretName}
              key: username
        - name: GRAFANA_CLOUD_LOGS_USERNAME
          valueFrom:
            secretKeyRef:
              name: ${secretName}
              key: logs-username
        - name: GRAFANA_CLOUD_TOKEN
          valueFrom:
            secretKeyRef:
              name: ${secretName}
              key: token
        ports:
        - name: http-metrics
          containerPort: 12345
          protocol: TCP
        readinessProbe:
          httpGet:
            path: /-/ready
            port: http-metrics
          periodSeconds: 10
        resources:
          requests:
            cpu: 50m
            memory: 128Mi
          limits:
            memory: 512Mi
        securityContext:
          allowPrivilegeEscalation: false
          readOnlyRootFilesystem: true
          capabilities:
            drop: [ALL]
        volumeMounts:
        - name: config
          mountPath: /etc/alloy
          readOnly: true
        - name: data
          mountPath: /var/lib/alloy/data
        - name: tmp
          mountPath: /tmp
      nodeSelector:
        kubernetes.io/os: linux
      volumes:
      - name: config
        configMap:
          name: alloy-config
      - name: data
        emptyDir: {}
      - name: tmp
        emptyDir: {}
