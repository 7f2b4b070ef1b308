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
}
