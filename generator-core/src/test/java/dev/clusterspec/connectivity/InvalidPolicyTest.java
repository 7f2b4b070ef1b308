package dev.clusterspec.connectivity;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Policies the API server would reject give a message naming file, policy and field. */
class InvalidPolicyTest {

    private static void analyze(String spec) {
        Fixtures.analyze("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: bad, namespace: web}
                spec:
                %s""".formatted(spec.indent(2)));
    }

    @Test
    void unknownSelectorOperator() {
        assertThatThrownBy(() -> analyze("podSelector: {matchExpressions: [{key: app, operator: Equals, values: [x]}]}"))
                .isInstanceOf(ManifestReadException.class)
                .hasMessage("test.yaml: NetworkPolicy web/bad: podSelector: matchExpressions operator 'Equals' "
                        + "is not one of In, NotIn, Exists, DoesNotExist");
    }

    @Test
    void unknownProtocolAndPolicyType() {
        assertThatThrownBy(() -> analyze("podSelector: {}\ningress: [{ports: [{protocol: ICMP}]}]"))
                .hasMessage("test.yaml: NetworkPolicy web/bad: ingress[0].ports[0]: protocol 'ICMP' is not TCP, UDP or SCTP");
        assertThatThrownBy(() -> analyze("podSelector: {}\npolicyTypes: [Inbound]"))
                .hasMessage("test.yaml: NetworkPolicy web/bad: policyTypes item 'Inbound' is not Ingress or Egress");
    }

    @Test
    void endPortBelowPortAndBadCidr() {
        assertThatThrownBy(() -> analyze("podSelector: {}\negress: [{ports: [{port: 9000, endPort: 8000}]}]"))
                .hasMessage("test.yaml: NetworkPolicy web/bad: egress[0].ports[0]: endPort 8000 must be a number not below port 9000");
        assertThatThrownBy(() -> analyze("podSelector: {}\ningress: [{from: [{ipBlock: {cidr: 10.0.0/8}}]}]"))
                .hasMessage("test.yaml: NetworkPolicy web/bad: ingress[0].from[0].ipBlock: '10.0.0/8' is not a valid IPv4 CIDR");
    }

    @Test
    void peersMustSaySomethingAndIpBlocksStandAlone() {
        assertThatThrownBy(() -> analyze("podSelector: {}\ningress: [{from: [{}]}]"))
                .hasMessage("test.yaml: NetworkPolicy web/bad: ingress[0].from[0]: a peer needs podSelector, namespaceSelector or ipBlock");
        assertThatThrownBy(() -> analyze("podSelector: {}\ningress: [{from: [{ipBlock: {cidr: 10.0.0.0/8}, podSelector: {}}]}]"))
                .hasMessage("test.yaml: NetworkPolicy web/bad: ingress[0].from[0]: ipBlock cannot be combined with podSelector or namespaceSelector");
    }

    @Test
    void endPortNeedsANumericPort() {
        assertThatThrownBy(() -> analyze("podSelector: {}\ningress: [{ports: [{port: http, endPort: 8090}]}]"))
                .isInstanceOf(ManifestReadException.class)
                .hasMessage("test.yaml: NetworkPolicy web/bad: ingress[0].ports[0]: endPort 8090 cannot be used with the named port"
                        + " 'http'; use a numeric port, or drop endPort");
        assertThatThrownBy(() -> analyze("podSelector: {}\negress: [{ports: [{endPort: 8090}]}]"))
                .hasMessage("test.yaml: NetworkPolicy web/bad: egress[0].ports[0]: endPort 8090 needs a port to start the range at");
        assertThatThrownBy(() -> analyze("podSelector: {}\ningress: [{ports: [{port: Web_Port}]}]"))
                .hasMessageStartingWith("test.yaml: NetworkPolicy web/bad: ingress[0].ports[0]: port name 'Web_Port' is invalid");
    }

    @Test
    void selectorLabelKeysAndValuesFollowTheApiServersSyntax() {
        assertThatThrownBy(() -> analyze("podSelector: {matchLabels: {'app name': web}}"))
                .isInstanceOf(ManifestReadException.class)
                .hasMessageStartingWith("test.yaml: NetworkPolicy web/bad: podSelector.matchLabels: label key 'app name' is invalid");
        assertThatThrownBy(() -> analyze("podSelector: {matchLabels: {app: -web}}"))
                .hasMessageStartingWith("test.yaml: NetworkPolicy web/bad: podSelector.matchLabels: label value '-web' of 'app' is invalid");
        assertThatThrownBy(() -> analyze("podSelector: {}\ningress: [{from: [{namespaceSelector: {matchLabels: {Example.COM/team: a}}}]}]"))
                .hasMessageStartingWith("test.yaml: NetworkPolicy web/bad: ingress[0].from[0].namespaceSelector.matchLabels:"
                        + " label key 'Example.COM/team' has an invalid prefix");
        assertThatThrownBy(() -> analyze("podSelector: {matchExpressions: [{key: tier, operator: In, values: []}]}"))
                .hasMessage("test.yaml: NetworkPolicy web/bad: podSelector.matchExpressions: operator In on 'tier' needs at least one value");
        assertThatThrownBy(() -> analyze("podSelector: {matchExpressions: [{key: tier, operator: Exists, values: [db]}]}"))
                .hasMessage("test.yaml: NetworkPolicy web/bad: podSelector.matchExpressions: operator Exists on 'tier' takes no values");
        assertThatThrownBy(() -> analyze("podSelector: {matchExpressions: [{key: tier, operator: NotIn, values: ['a b']}]}"))
                .hasMessageStartingWith("test.yaml: NetworkPolicy web/bad: podSelector.matchExpressions: label value 'a b' of 'tier' is invalid");
    }

    @Test
    void ciliumSelectorsKeepTheirSourcePrefixesButNotBadValues() {
        String cilium = """
                apiVersion: cilium.io/v2
                kind: CiliumNetworkPolicy
                metadata: {name: c, namespace: web}
                spec:
                  endpointSelector: {matchLabels: {'k8s:app': web}}
                  ingress: [{fromEndpoints: [{matchLabels: {'reserved:host': ''}}]}]
                """;
        Fixtures.analyze(cilium);
        assertThatThrownBy(() -> Fixtures.analyze(cilium.replace("'k8s:app': web", "'k8s:app': 'web site'")))
                .hasMessageStartingWith("test.yaml: CiliumNetworkPolicy web/c: spec.endpointSelector.matchLabels: label value 'web site'");
    }

    @Test
    void podAndNamespaceLabelsFollowTheApiServersSyntax() {
        assertThatThrownBy(() -> Fixtures.analyze(Fixtures.deployment("web", "front", "'app/': web")))
                .isInstanceOf(ManifestReadException.class)
                .hasMessageStartingWith("test.yaml: Deployment web/front: spec.template.metadata.labels: label key 'app/' is invalid");
        assertThatThrownBy(() -> Fixtures.analyze(Fixtures.namespace("web", "team: 'a very long value that goes on and on and on past sixty-three characters'")))
                .hasMessageStartingWith("test.yaml: Namespace web: metadata.labels: label value");
        assertThatThrownBy(() -> Fixtures.analyze(Fixtures.deployment("web", "front", "app: web", "[{name: Metrics_Port, containerPort: 9090}]")))
                .hasMessageStartingWith("test.yaml: Deployment web/front: container main: port name 'Metrics_Port' is invalid");
    }

    @Test
    void twoPoliciesOrNamespacesWithOneNameAreRejectedNamingBothFiles(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        String policy = """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: allow-db, namespace: db}
                spec: {podSelector: {}}
                """;
        java.nio.file.Files.writeString(dir.resolve("a.yaml"), policy);
        java.nio.file.Files.writeString(dir.resolve("b.yaml"), policy.replace("podSelector: {}", "podSelector: {matchLabels: {app: db}}"));
        assertThatThrownBy(() -> ConnectivityAnalyzer.analyzeDirectory(dir))
                .isInstanceOf(ManifestReadException.class)
                .hasMessage(dir.resolve("b.yaml") + ": NetworkPolicy db/allow-db is defined twice (also in " + dir.resolve("a.yaml")
                        + "); a cluster holds one object per kind, namespace and name: remove or rename one");

        java.nio.file.Files.delete(dir.resolve("b.yaml"));
        java.nio.file.Files.writeString(dir.resolve("ns.yaml"), Fixtures.namespace("db", "") + "---\n" + Fixtures.namespace("db", "team: data"));
        assertThatThrownBy(() -> ConnectivityAnalyzer.analyzeDirectory(dir))
                .hasMessage(dir.resolve("ns.yaml") + ": Namespace db is defined twice (also in " + dir.resolve("ns.yaml")
                        + "); a cluster holds one object per kind, namespace and name: remove or rename one");
    }
}
