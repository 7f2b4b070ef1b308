<#--
  Hubble: the peer Service every relay uses to find the agents' Hubble servers (port 4244 on each
  node), the Hubble metrics Service, and Hubble Relay. The relay talks mutual TLS to the agents with
  the certificates the certgen job writes (hubble-certs.yaml.ftl).
-->
<#if hubbleRelay>
apiVersion: v1
kind: ServiceAccount
metadata:
  name: hubble-relay
  namespace: kube-system
automountServiceAccountToken: false
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: hubble-relay-config
  namespace: kube-system
data:
  <#-- the trailing dot makes the peer name absolute; the domain is the cluster's DNS domain -->
  config.yaml: |
    cluster-name: ${clusterName}
    peer-service: "hubble-peer.kube-system.svc.${clusterDomain}.:443"
    listen-address: :4245
    gops: true
    gops-port: "9893"
    retry-timeout:
    sort-buffer-len-max:
    sort-buffer-drain-timeout:
    tls-hubble-client-cert-file: /var/lib/hubble-relay/tls/client.crt
    tls-hubble-client-key-file: /var/lib/hubble-relay/tls/client.key
    tls-hubble-server-ca-files: /var/lib/hubble-relay/tls/hubble-server-ca.crt
    disable-server-tls: true
---
apiVersion: v1
kind: Service
metadata:
  name: hubble-relay
  namespace: kube-system
  labels:
    k8s-app: hubble-relay
    app.kubernetes.io/name: hubble-relay
    app.kubernetes.io/part-of: cilium
spec:
  type: ClusterIP
  selector:
    k8s-app: hubble-relay
  ports:
  - protocol: TCP
    port: 80
    targetPort: grpc
---
</#if>
apiVersion: v1
kind: Service
metadata:
  name: hubble-peer
  namespace: kube-system
  labels:
    k8s-app: cilium
    app.kubernetes.io/part-of: cilium
    app.kubernetes.io/name: hubble-peer
spec:
  selector:
    k8s-app: cilium
  ports:
  - name: peer-service
    port: 443
    protocol: TCP
    targetPort: 4244
  internalTrafficPolicy: Local
<#if hubbleMetrics>
---
apiVersion: v1
kind: Service
metadata:
  name: hubble-metrics
  namespace: kube-system
  labels:
    k8s-app: hubble
    app.kubernetes.io/name: hubble
    app.kubernetes.io/part-of: cilium
  annotations:
    prometheus.io/scrape: "true"
    prometheus.io/port: ${q(hubbleMetricsPort?c)}
spec:
  clusterIP: None
  type: ClusterIP
  ports:
  - name: hubble-metrics
    port: ${hubbleMetricsPort?c}
    protocol: TCP
    targetPort: hubble-metrics
  selector:
    k8s-app: cilium
</#if>
<#if hubbleRelay>
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: hubble-relay
  namespace: kube-system
  labels:
    k8s-app: hubble-relay
    app.kubernetes.io/name: hubble-relay
    app.kubernetes.io/part-of: cilium
spec:
  replicas: 1
  selector:
    matchLabels:
      k8s-app: hubble-relay
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxUnavailable: 1
  template:
    metadata:
      labels:
        k8s-app: hubble-relay
        app.kubernetes.io/name: hubble-relay
        app.kubernetes.io/part-of: cilium
    spec:
      securityContext:
        fsGroup: 65532
        seccompProfile:
          type: RuntimeDefault
      containers:
      - name: hubble-relay
        securityContext:
          allowPrivilegeEscalation: false
          capabilities:
            drop: [ALL]
          runAsGroup: 65532
          runAsNonRoot: true
          runAsUser: 65532
          seccompProfile:
            type: RuntimeDefault
        image: ${q(images.hubbleRelay)}
        imagePullPolicy: IfNotPresent
        command: [hubble-relay]
        args: [serve]
        ports:
        - name: grpc
          containerPort: 4245
        readinessProbe:
          grpc:
            port: 4222
          timeoutSeconds: 3
        livenessProbe:
          grpc:
            port: 4222
          timeoutSeconds: 10
          initialDelaySeconds: 10
          periodSeconds: 10
          failureThreshold: 12
        startupProbe:
          grpc:
            port: 4222
          initialDelaySeconds: 10
          failureThreshold: 20
          periodSeconds: 3
        volumeMounts:
        - name: config
          mountPath: /etc/hubble-relay
          readOnly: true
        - name: tls
          mountPath: /var/lib/hubble-relay/tls
          readOnly: true
        terminationMessagePolicy: FallbackToLogsOnError
      restartPolicy: Always
      serviceAccountName: hubble-relay
      automountServiceAccountToken: false
      terminationGracePeriodSeconds: 1
      affinity:
        podAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
          - labelSelector:
              matchLabels:
                k8s-app: cilium
            topologyKey: kubernetes.io/hostname
      nodeSelector:
        kubernetes.io/os: linux
      volumes:
      - name: config
        configMap:
          name: hubble-relay-config
          items:
          - key: config.yaml
            path: config.yaml
      - name: tls
        projected:
          defaultMode: 256
          <#-- not optional: the relay waits until the certgen job has written its certificate -->
          sources:
          - secret:
              name: hubble-relay-client-certs
              items:
              - key: tls.crt
                path: client.crt
              - key: tls.key
                path: client.key
              - key: ca.crt
                path: hubble-server-ca.crt
</#if>
