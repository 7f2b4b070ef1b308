package dev.clusterspec.connectivity;

import static dev.clusterspec.connectivity.Fixtures.analyze;
import static dev.clusterspec.connectivity.Fixtures.deployment;
import static dev.clusterspec.connectivity.Fixtures.lines;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** External peers: how ipBlocks split the address space per side and which pieces they admit. */
class IpBlockScenariosTest {
    private static final String EXT = "0.0.0.0-255.255.255.255[External]";

    @Test
    void ingressIpBlockWithExceptSplitsTheSourceSide() {
        String out = analyze(
                deployment("web", "frontend", "app: frontend"),
                deployment("db", "postgres", "app: postgres"),
                """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: pg-from-vpn, namespace: db}
                spec:
                  podSelector: {}
                  ingress:
                    - from: [{ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16]}}]
                      ports: [{port: 5432}]
                """);
        // ipBlocks never match pods, so frontend cannot reach postgres; only the sources side is split
        assertThat(out).isEqualTo(lines(
                "0.0.0.0-9.255.255.255[External] => web/frontend[Deployment] : All Connections",
                "10.0.0.0-10.0.255.255[External] => db/postgres[Deployment] : TCP 5432",
                "10.0.0.0-10.0.255.255[External] => web/frontend[Deployment] : All Connections",
                "10.1.0.0-10.1.255.255[External] => web/frontend[Deployment] : All Connections",
                "10.2.0.0-10.255.255.255[External] => db/postgres[Deployment] : TCP 5432",
                "10.2.0.0-10.255.255.255[External] => web/frontend[Deployment] : All Connections",
                "11.0.0.0-255.255.255.255[External] => web/frontend[Deployment] : All Connections",
                "db/postgres[Deployment] => " + EXT + " : All Connections",
                "db/postgres[Deployment] => web/frontend[Deployment] : All Connections",
                "web/frontend[Deployment] => " + EXT + " : All Connections"));
    }

    @Test
    void egressIpBlockSplitsTheDestinationSide() {
        String out = analyze(
                deployment("web", "frontend", "app: frontend"),
                deployment("db", "postgres", "app: postgres"),
                """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: internet, namespace: web}
                spec:
                  podSelector: {}
                  policyTypes: [Egress]
                  egress:
                    - to: [{ipBlock: {cidr: 0.0.0.0/0, except: [10.0.0.0/8]}}]
                      ports: [{port: 443}]
                    - ports: [{port: 53, protocol: UDP}]
                """);
        assertThat(out).isEqualTo(lines(
                EXT + " => db/postgres[Deployment] : All Connections",
                EXT + " => web/frontend[Deployment] : All Connections",
                "db/postgres[Deployment] => 0.0.0.0-9.255.255.255[External] : All Connections",
                "db/postgres[Deployment] => 10.0.0.0-10.255.255.255[External] : All Connections",
                "db/postgres[Deployment] => 11.0.0.0-255.255.255.255[External] : All Connections",
                "db/postgres[Deployment] => web/frontend[Deployment] : All Connections",
                "web/frontend[Deployment] => 0.0.0.0-9.255.255.255[External] : TCP 443,UDP 53",
                "web/frontend[Deployment] => 10.0.0.0-10.255.255.255[External] : UDP 53",
                "web/frontend[Deployment] => 11.0.0.0-255.255.255.255[External] : TCP 443,UDP 53",
                "web/frontend[Deployment] => db/postgres[Deployment] : UDP 53"));
    }

    @Test
    void overlappingBlocksAdmitOnlyPiecesWhollyInside() {
        String out = analyze(
                deployment("db", "postgres", "app: postgres"),
                """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: admins, namespace: db}
                spec:
                  podSelector: {}
                  ingress:
                    - from: [{ipBlock: {cidr: 192.168.0.0/16}}]
                      ports: [{port: 5432}]
                    - from: [{ipBlock: {cidr: 192.168.1.0/24}}, {ipBlock: {cidr: 192.168.2.7/32}}]
                      ports: [{port: 22}]
                """);
        assertThat(out).isEqualTo(lines(
                "192.168.0.0-192.168.0.255[External] => db/postgres[Deployment] : TCP 5432",
                "192.168.1.0-192.168.1.255[External] => db/postgres[Deployment] : TCP 22,5432",
                "192.168.2.0-192.168.2.6[External] => db/postgres[Deployment] : TCP 5432",
                "192.168.2.7-192.168.2.7[External] => db/postgres[Deployment] : TCP 22,5432",
                "192.168.2.8-192.168.255.255[External] => db/postgres[Deployment] : TCP 5432",
                "db/postgres[Deployment] => " + EXT + " : All Connections"));
    }
}
