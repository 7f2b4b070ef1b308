package dev.clusterspec.connectivity;

import static dev.clusterspec.connectivity.Fixtures.analyze;
import static dev.clusterspec.connectivity.Fixtures.deployment;
import static dev.clusterspec.connectivity.Fixtures.lines;
import static dev.clusterspec.connectivity.Fixtures.namespace;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Ports: named ports per destination pod, ranges, protocols, unions of several policies. */
class PortScenariosTest {
    private static final String EXT = "0.0.0.0-255.255.255.255[External]";

    /** Two API versions with different numbers behind the same port names, and a client. */
    private static String shop(String ports) {
        return analyze(
                namespace("shop", "team: shop"),
                deployment("shop", "api-v1", "role: api",
                        "[{name: http, containerPort: 8080}, {name: dns, containerPort: 5353, protocol: UDP}]"),
                deployment("shop", "api-v2", "role: api",
                        "[{name: http, containerPort: 9090}, {name: dns, containerPort: 53, protocol: UDP}]"),
                deployment("shop", "client", "role: client"),
                """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: api, namespace: shop}
                spec:
                  podSelector: {matchLabels: {role: api}}
                  ingress: [{from: [{podSelector: {matchLabels: {role: client}}}], ports: %s}]
                """.formatted(ports));
    }

    private static String shopLines(String toV1, String toV2) {
        return lines(
                EXT + " => shop/client[Deployment] : All Connections",
                "shop/api-v1[Deployment] => " + EXT + " : All Connections",
                "shop/api-v1[Deployment] => shop/client[Deployment] : All Connections",
                "shop/api-v2[Deployment] => " + EXT + " : All Connections",
                "shop/api-v2[Deployment] => shop/client[Deployment] : All Connections",
                "shop/client[Deployment] => " + EXT + " : All Connections",
                "shop/client[Deployment] => shop/api-v1[Deployment] : " + toV1,
                "shop/client[Deployment] => shop/api-v2[Deployment] : " + toV2);
    }

    @Test
    void namedPortResolvesAgainstEachDestinationPod() {
        assertThat(shop("[{port: http}]")).isEqualTo(shopLines("TCP 8080", "TCP 9090"));
    }

    @Test
    void namedPortNeedsMatchingProtocolAndUnresolvedNamesAllowNothing() {
        // 'dns' is declared for UDP only, so the TCP default does not resolve; 'metrics' exists nowhere
        assertThat(shop("[{port: dns}, {port: metrics}, {port: dns, protocol: UDP}, {port: 443}]"))
                .isEqualTo(shopLines("TCP 443,UDP 5353", "TCP 443,UDP 53"));
    }

    @Test
    void endPortRangesMergeWithAdjacentPorts() {
        assertThat(shop("[{port: 8000, endPort: 8100}, {port: 8101}, {port: 9000, endPort: 9001, protocol: UDP}]"))
                .isEqualTo(shopLines("TCP 8000-8101,UDP 9000-9001", "TCP 8000-8101,UDP 9000-9001"));
    }

    @Test
    void protocolsPrintInNameOrderAndAWholeProtocolAsItsFullRange() {
        assertThat(shop("[{port: 80}, {protocol: UDP}, {protocol: SCTP, port: 7070}]"))
                .isEqualTo(shopLines("SCTP 7070,TCP 80,UDP 1-65535", "SCTP 7070,TCP 80,UDP 1-65535"));
    }

    @Test
    void everyPortOfEveryProtocolIsAllConnections() {
        assertThat(shop("[{protocol: TCP}, {protocol: UDP}, {protocol: SCTP, port: 1, endPort: 65535}]"))
                .isEqualTo(shopLines("All Connections", "All Connections"));
    }

    @Test
    void severalPoliciesOnOnePodAddUp() {
        String out = analyze(
                namespace("web", "team: web"),
                namespace("db", "team: data"),
                deployment("web", "frontend", "app: frontend"),
                deployment("db", "postgres", "app: postgres", "[{name: metrics, containerPort: 9187}]"),
                """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: sql, namespace: db}
                spec:
                  podSelector: {matchLabels: {app: postgres}}
                  ingress: [{from: [{namespaceSelector: {matchLabels: {team: web}}}], ports: [{port: 5432}]}]
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: metrics, namespace: db}
                spec:
                  podSelector: {}
                  ingress:
                    - from: [{namespaceSelector: {}}]
                      ports: [{port: metrics}]
                    - from: [{ipBlock: {cidr: 0.0.0.0/0}}]
                      ports: [{port: 22}]
                """);
        assertThat(out).isEqualTo(lines(
                EXT + " => db/postgres[Deployment] : TCP 22",
                EXT + " => web/frontend[Deployment] : All Connections",
                "db/postgres[Deployment] => " + EXT + " : All Connections",
                "db/postgres[Deployment] => web/frontend[Deployment] : All Connections",
                "web/frontend[Deployment] => " + EXT + " : All Connections",
                "web/frontend[Deployment] => db/postgres[Deployment] : TCP 5432,9187"));
    }

    @Test
    void egressToClusterDnsUnderDefaultDeny() {
        String out = analyze(
                namespace("web", "team: web"),
                deployment("web", "frontend", "app: frontend"),
                deployment("kube-system", "coredns", "k8s-app: kube-dns",
                        "[{name: dns, containerPort: 53, protocol: UDP}, {name: dns-tcp, containerPort: 53}]"),
                """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: default-deny, namespace: web}
                spec: {podSelector: {}, policyTypes: [Ingress, Egress]}
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: allow-dns, namespace: web}
                spec:
                  podSelector: {}
                  policyTypes: [Egress]
                  egress:
                    - to:
                        - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}
                          podSelector: {matchLabels: {k8s-app: kube-dns}}
                      ports: [{protocol: UDP, port: 53}, {protocol: TCP, port: 53}]
                """);
        assertThat(out).isEqualTo(lines(
                EXT + " => kube-system/coredns[Deployment] : All Connections",
                "kube-system/coredns[Deployment] => " + EXT + " : All Connections",
                "web/frontend[Deployment] => kube-system/coredns[Deployment] : TCP 53,UDP 53"));
    }

    @Test
    void namedEgressPortTowardsExternalAddressesResolvesToNothing() {
        String out = analyze(
                deployment("web", "frontend", "app: frontend", "[{name: http, containerPort: 8080}]"),
                deployment("web", "backend", "app: backend", "[{name: http, containerPort: 9000}]"),
                """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: out, namespace: web}
                spec:
                  podSelector: {matchLabels: {app: frontend}}
                  policyTypes: [Egress]
                  egress: [{ports: [{port: http}, {port: 53, protocol: UDP}]}]
                """);
        assertThat(out).isEqualTo(lines(
                EXT + " => web/backend[Deployment] : All Connections",
                EXT + " => web/frontend[Deployment] : All Connections",
                "web/backend[Deployment] => " + EXT + " : All Connections",
                "web/backend[Deployment] => web/frontend[Deployment] : All Connections",
                "web/frontend[Deployment] => " + EXT + " : UDP 53",
                "web/frontend[Deployment] => web/backend[Deployment] : TCP 9000,UDP 53"));
    }
}
