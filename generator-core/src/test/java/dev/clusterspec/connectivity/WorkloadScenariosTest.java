package dev.clusterspec.connectivity;

import static dev.clusterspec.connectivity.Fixtures.analyze;
import static dev.clusterspec.connectivity.Fixtures.lines;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How pods and controllers become workload peers, and the input forms that carry them. */
class WorkloadScenariosTest {
    private static final String EXT = "0.0.0.0-255.255.255.255[External]";

    @Test
    void podsAreNamedAfterTheirControllingOwnerAndReplicasAreOnePeer() {
        String out = analyze("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web-7d9f-abcde
                  namespace: shop
                  ownerReferences: [{kind: ReplicaSet, name: web-7d9f, controller: true}]
                spec: {containers: [{name: c, image: i}]}
                ---
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web-7d9f-fghij
                  namespace: shop
                  ownerReferences: [{kind: ReplicaSet, name: web-7d9f, controller: true}]
                spec: {containers: [{name: c, image: i}]}
                ---
                apiVersion: v1
                kind: Pod
                metadata:
                  name: etcd-node1
                  namespace: shop
                  ownerReferences: [{kind: Node, name: node1, controller: true}]
                spec: {containers: [{name: c, image: i}]}
                ---
                apiVersion: v1
                kind: Pod
                metadata:
                  name: helper
                  namespace: shop
                  ownerReferences: [{kind: ConfigMap, name: settings}]
                spec: {containers: [{name: c, image: i}]}
                """);
        // two replicas give no line between themselves; a Node owner or a non-controller owner does not rename
        assertThat(out).isEqualTo(lines(
                EXT + " => shop/etcd-node1[Pod] : All Connections",
                EXT + " => shop/helper[Pod] : All Connections",
                EXT + " => shop/web-7d9f[ReplicaSet] : All Connections",
                "shop/etcd-node1[Pod] => " + EXT + " : All Connections",
                "shop/etcd-node1[Pod] => shop/helper[Pod] : All Connections",
                "shop/etcd-node1[Pod] => shop/web-7d9f[ReplicaSet] : All Connections",
                "shop/helper[Pod] => " + EXT + " : All Connections",
                "shop/helper[Pod] => shop/etcd-node1[Pod] : All Connections",
                "shop/helper[Pod] => shop/web-7d9f[ReplicaSet] : All Connections",
                "shop/web-7d9f[ReplicaSet] => " + EXT + " : All Connections",
                "shop/web-7d9f[ReplicaSet] => shop/etcd-node1[Pod] : All Connections",
                "shop/web-7d9f[ReplicaSet] => shop/helper[Pod] : All Connections"));
    }

    @Test
    void everyControllerKindContributesItsPodTemplate() {
        String out = analyze("""
                apiVersion: batch/v1
                kind: CronJob
                metadata: {name: report, namespace: ops}
                spec:
                  schedule: "@daily"
                  jobTemplate:
                    spec:
                      template:
                        metadata: {labels: {app: report}}
                        spec: {containers: [{name: c, image: i}]}
                ---
                apiVersion: apps/v1
                kind: StatefulSet
                metadata: {name: db, namespace: ops}
                spec:
                  template:
                    metadata: {labels: {app: db}}
                    spec: {containers: [{name: c, image: i, ports: [{name: sql, containerPort: 5432}]}]}
                ---
                apiVersion: apps/v1
                kind: DaemonSet
                metadata: {name: agent, namespace: ops}
                spec:
                  template:
                    metadata: {labels: {app: agent}}
                    spec: {containers: [{name: c, image: i}]}
                ---
                apiVersion: batch/v1
                kind: Job
                metadata: {name: migrate, namespace: ops}
                spec:
                  template:
                    metadata: {labels: {app: migrate}}
                    spec: {containers: [{name: c, image: i}]}
                ---
                apiVersion: v1
                kind: ReplicationController
                metadata: {name: legacy, namespace: ops}
                spec:
                  template:
                    metadata: {labels: {app: legacy}}
                    spec: {containers: [{name: c, image: i}]}
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: db, namespace: ops}
                spec:
                  podSelector: {matchLabels: {app: db}}
                  ingress: [{from: [{podSelector: {matchLabels: {app: report}}}], ports: [{port: sql}]}]
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: no-inbound, namespace: ops}
                spec:
                  podSelector: {matchExpressions: [{key: app, operator: NotIn, values: [db]}]}
                  policyTypes: [Ingress]
                """);
        assertThat(out).isEqualTo(lines(
                "ops/agent[DaemonSet] => " + EXT + " : All Connections",
                "ops/db[StatefulSet] => " + EXT + " : All Connections",
                "ops/legacy[ReplicationController] => " + EXT + " : All Connections",
                "ops/migrate[Job] => " + EXT + " : All Connections",
                "ops/report[CronJob] => " + EXT + " : All Connections",
                "ops/report[CronJob] => ops/db[StatefulSet] : TCP 5432"));
    }

    @Test
    void listsMayLeaveOutTheKindOfTheirItemsAndJsonIsRead() {
        String out = analyze("""
                {"apiVersion": "v1", "kind": "NamespaceList", "items": [
                  {"metadata": {"name": "a", "labels": {"zone": "blue"}}},
                  {"metadata": {"name": "b", "labels": {"zone": "red"}}}]}
                """, """
                apiVersion: v1
                kind: PodList
                items:
                  - metadata: {name: p1, namespace: a, labels: {app: p1}}
                    spec: {containers: [{name: c, image: i}]}
                  - metadata: {name: p2, namespace: b, labels: {app: p2}}
                    spec: {containers: [{name: c, image: i}]}
                ---
                apiVersion: v1
                kind: List
                items:
                  - apiVersion: networking.k8s.io/v1
                    kind: NetworkPolicy
                    metadata: {name: blue-only, namespace: b}
                    spec:
                      podSelector: {}
                      ingress: [{from: [{namespaceSelector: {matchLabels: {zone: blue}}}]}]
                """);
        assertThat(out).isEqualTo(lines(
                EXT + " => a/p1[Pod] : All Connections",
                "a/p1[Pod] => " + EXT + " : All Connections",
                "a/p1[Pod] => b/p2[Pod] : All Connections",
                "b/p2[Pod] => " + EXT + " : All Connections",
                "b/p2[Pod] => a/p1[Pod] : All Connections"));
    }

    @Test
    void objectsWithoutNamespaceAreInDefault() {
        String out = analyze("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: app}
                spec: {template: {metadata: {labels: {app: app}}, spec: {containers: [{name: c, image: i}]}}}
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: deny}
                spec: {podSelector: {}, policyTypes: [Egress]}
                """);
        assertThat(out).isEqualTo(lines(EXT + " => default/app[Deployment] : All Connections"));
    }
}
