package dev.clusterspec.connectivity;

import static dev.clusterspec.connectivity.Fixtures.analyze;
import static dev.clusterspec.connectivity.Fixtures.deployment;
import static dev.clusterspec.connectivity.Fixtures.lines;
import static dev.clusterspec.connectivity.Fixtures.namespace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The CiliumNetworkPolicy subset: entities, endpoint selectors per namespace, string ports. */
class CiliumScenariosTest {
    private static final String EXT = "0.0.0.0-255.255.255.255[External]";
    private static final String FRONTEND = "web/frontend[Deployment]";
    private static final String POSTGRES = "db/postgres[Deployment]";

    private static String twoTier(String... policies) {
        String[] docs = new String[4 + policies.length];
        docs[0] = namespace("web", "team: web");
        docs[1] = namespace("db", "team: data");
        docs[2] = deployment("web", "frontend", "app: frontend", "[{name: http, containerPort: 8080}]");
        docs[3] = deployment("db", "postgres", "app: postgres", "[{name: pg, containerPort: 5432}]");
        System.arraycopy(policies, 0, docs, 4, policies.length);
        return analyze(docs);
    }

    private static String cnp(String namespace, String spec) {
        return """
                apiVersion: cilium.io/v2
                kind: CiliumNetworkPolicy
                metadata: {name: p, namespace: %s}
                spec:
                %s""".formatted(namespace, spec.indent(2));
    }

    @Test
    void fromEntitiesHostAndRemoteNodeArePseudoPeers() {
        String out = twoTier(cnp("db", """
                endpointSelector: {matchLabels: {app: postgres}}
                ingress:
                  - fromEntities: [host, remote-node]
                    toPorts: [{ports: [{port: "5432", protocol: TCP}]}]
                """));
        assertThat(out).isEqualTo(lines(
                EXT + " => " + FRONTEND + " : All Connections",
                POSTGRES + " => " + EXT + " : All Connections",
                POSTGRES + " => " + FRONTEND + " : All Connections",
                POSTGRES + " => {host} : All Connections",
                POSTGRES + " => {remote-node} : All Connections",
                FRONTEND + " => " + EXT + " : All Connections",
                FRONTEND + " => {host} : All Connections",
                FRONTEND + " => {remote-node} : All Connections",
                "{host} => " + POSTGRES + " : TCP 5432",
                "{host} => " + FRONTEND + " : All Connections",
                "{remote-node} => " + POSTGRES + " : TCP 5432",
                "{remote-node} => " + FRONTEND + " : All Connections"));
    }

    @Test
    void toPortsTakeStringPortsRangesAndAnyProtocol() {
        String out = twoTier(cnp("web", """
                endpointSelector: {}
                egress:
                  - toEndpoints: [{matchLabels: {k8s:io.kubernetes.pod.namespace: db, app: postgres}}]
                    toPorts:
                      - ports: [{port: "5432"}, {port: "8000", endPort: 8002, protocol: TCP}]
                      - ports: [{port: "pg", protocol: TCP}]
                """));
        assertThat(out).isEqualTo(lines(
                EXT + " => " + POSTGRES + " : All Connections",
                EXT + " => " + FRONTEND + " : All Connections",
                POSTGRES + " => " + EXT + " : All Connections",
                POSTGRES + " => " + FRONTEND + " : All Connections",
                POSTGRES + " => {host} : All Connections",
                POSTGRES + " => {remote-node} : All Connections",
                FRONTEND + " => " + POSTGRES + " : SCTP 5432,TCP 5432,8000-8002,UDP 5432",
                "{host} => " + POSTGRES + " : All Connections",
                "{host} => " + FRONTEND + " : All Connections",
                "{remote-node} => " + POSTGRES + " : All Connections",
                "{remote-node} => " + FRONTEND + " : All Connections"));
    }

    @Test
    void endpointSelectorsStayInThePolicyNamespaceAndWorldMeansExternal() {
        String out = analyze(
                deployment("db", "postgres", "app: postgres"),
                deployment("db", "backup", "app: backup"),
                deployment("web", "frontend", "app: frontend"),
                cnp("db", """
                        endpointSelector: {matchLabels: {app: postgres}}
                        ingress: [{fromEndpoints: [{}]}]
                        egress: [{toEntities: [world]}]
                        """));
        assertThat(out).isEqualTo(lines(
                EXT + " => db/backup[Deployment] : All Connections",
                EXT + " => " + FRONTEND + " : All Connections",
                "db/backup[Deployment] => " + EXT + " : All Connections",
                "db/backup[Deployment] => " + POSTGRES + " : All Connections",
                "db/backup[Deployment] => " + FRONTEND + " : All Connections",
                "db/backup[Deployment] => {host} : All Connections",
                "db/backup[Deployment] => {remote-node} : All Connections",
                POSTGRES + " => " + EXT + " : All Connections",
                FRONTEND + " => " + EXT + " : All Connections",
                FRONTEND + " => db/backup[Deployment] : All Connections",
                FRONTEND + " => {host} : All Connections",
                FRONTEND + " => {remote-node} : All Connections",
                "{host} => db/backup[Deployment] : All Connections",
                "{host} => " + FRONTEND + " : All Connections",
                "{remote-node} => db/backup[Deployment] : All Connections",
                "{remote-node} => " + FRONTEND + " : All Connections"));
    }

    @Test
    void portsWithoutPeersAdmitEveryPeerAndAnEmptyRuleAdmitsNone() {
        String out = twoTier(
                cnp("db", """
                        endpointSelector: {}
                        ingress: [{toPorts: [{ports: [{port: "5432", protocol: TCP}]}]}]
                        """),
                cnp("web", """
                        endpointSelector: {}
                        ingress: [{}]
                        """));
        assertThat(out).isEqualTo(lines(
                EXT + " => " + POSTGRES + " : TCP 5432",
                POSTGRES + " => " + EXT + " : All Connections",
                POSTGRES + " => {host} : All Connections",
                POSTGRES + " => {remote-node} : All Connections",
                FRONTEND + " => " + EXT + " : All Connections",
                FRONTEND + " => " + POSTGRES + " : TCP 5432",
                FRONTEND + " => {host} : All Connections",
                FRONTEND + " => {remote-node} : All Connections",
                "{host} => " + POSTGRES + " : TCP 5432",
                "{remote-node} => " + POSTGRES + " : TCP 5432"));
    }

    @Test
    void clusterEntityCoversPodsAndNodesButNotTheWorld() {
        String out = twoTier(cnp("db", """
                endpointSelector: {}
                ingress: [{fromEntities: [cluster], toPorts: [{ports: [{port: "5432", protocol: TCP}]}]}]
                """));
        assertThat(out).isEqualTo(lines(
                EXT + " => " + FRONTEND + " : All Connections",
                POSTGRES + " => " + EXT + " : All Connections",
                POSTGRES + " => " + FRONTEND + " : All Connections",
                POSTGRES + " => {host} : All Connections",
                POSTGRES + " => {remote-node} : All Connections",
                FRONTEND + " => " + EXT + " : All Connections",
                FRONTEND + " => " + POSTGRES + " : TCP 5432",
                FRONTEND + " => {host} : All Connections",
                FRONTEND + " => {remote-node} : All Connections",
                "{host} => " + POSTGRES + " : TCP 5432",
                "{host} => " + FRONTEND + " : All Connections",
                "{remote-node} => " + POSTGRES + " : TCP 5432",
                "{remote-node} => " + FRONTEND + " : All Connections"));
    }

    @Test
    void defaultDenyCanBeSwitchedOffAndNetworkPoliciesCombine() {
        // the Cilium rule alone does not isolate; the NetworkPolicy isolates and the Cilium rule adds to it
        String out = twoTier(
                cnp("db", """
                        endpointSelector: {}
                        enableDefaultDeny: {ingress: false}
                        ingress: [{fromEntities: [host]}]
                        """),
                """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: web-only, namespace: db}
                spec:
                  podSelector: {}
                  ingress: [{from: [{namespaceSelector: {matchLabels: {team: web}}}], ports: [{port: 5432}]}]
                """);
        assertThat(out).isEqualTo(lines(
                EXT + " => " + FRONTEND + " : All Connections",
                POSTGRES + " => " + EXT + " : All Connections",
                POSTGRES + " => " + FRONTEND + " : All Connections",
                POSTGRES + " => {host} : All Connections",
                POSTGRES + " => {remote-node} : All Connections",
                FRONTEND + " => " + EXT + " : All Connections",
                FRONTEND + " => " + POSTGRES + " : TCP 5432",
                FRONTEND + " => {host} : All Connections",
                FRONTEND + " => {remote-node} : All Connections",
                "{host} => " + POSTGRES + " : All Connections",
                "{host} => " + FRONTEND + " : All Connections",
                "{remote-node} => " + FRONTEND + " : All Connections"));
    }

    @Test
    void unsupportedCiliumFeaturesAreErrorsNotSilentlyWrongResults() {
        assertThatThrownBy(() -> twoTier(cnp("db", """
                endpointSelector: {}
                ingressDeny: [{fromEntities: [world]}]
                """)))
                .isInstanceOf(ManifestReadException.class)
                .hasMessage("test.yaml: CiliumNetworkPolicy db/p: spec.ingressDeny is not supported by the connectivity analyser");
        assertThatThrownBy(() -> twoTier(cnp("db", """
                endpointSelector: {}
                egress: [{toFQDNs: [{matchName: example.com}]}]
                """)))
                .hasMessage("test.yaml: CiliumNetworkPolicy db/p: spec.egress[0].toFQDNs is not supported by the connectivity analyser");
        assertThatThrownBy(() -> twoTier(cnp("db", """
                endpointSelector: {}
                egress: [{toEntities: [kube-apiserver]}]
                """)))
                .hasMessageContaining("entity 'kube-apiserver' is not supported");
    }
}
