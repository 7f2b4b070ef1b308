package dev.clusterspec.connectivity;

import static dev.clusterspec.connectivity.Fixtures.analyze;
import static dev.clusterspec.connectivity.Fixtures.deployment;
import static dev.clusterspec.connectivity.Fixtures.lines;
import static dev.clusterspec.connectivity.Fixtures.namespace;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Isolation per direction: explicit and implied policyTypes, deny-all, allow-all, unpoliced pods. */
class PolicyTypeScenariosTest {
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

    private static String policy(String namespace, String name, String spec) {
        return """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: %s, namespace: %s}
                spec:
                %s""".formatted(name, namespace, spec.indent(2));
    }

    @Test
    void withoutPoliciesEverythingIsOpen() {
        assertThat(twoTier()).isEqualTo(lines(
                EXT + " => " + POSTGRES + " : All Connections",
                EXT + " => " + FRONTEND + " : All Connections",
                POSTGRES + " => " + EXT + " : All Connections",
                POSTGRES + " => " + FRONTEND + " : All Connections",
                FRONTEND + " => " + EXT + " : All Connections",
                FRONTEND + " => " + POSTGRES + " : All Connections"));
    }

    @Test
    void denyAllIngressClosesOnlyTheInboundSide() {
        String out = twoTier(policy("db", "deny", "podSelector: {}\npolicyTypes: [Ingress]"));
        assertThat(out).isEqualTo(lines(
                EXT + " => " + FRONTEND + " : All Connections",
                POSTGRES + " => " + EXT + " : All Connections",
                POSTGRES + " => " + FRONTEND + " : All Connections",
                FRONTEND + " => " + EXT + " : All Connections"));
    }

    @Test
    void denyAllEgressClosesOnlyTheOutboundSide() {
        String out = twoTier(policy("web", "deny", "podSelector: {}\npolicyTypes: [Egress]"));
        assertThat(out).isEqualTo(lines(
                EXT + " => " + POSTGRES + " : All Connections",
                EXT + " => " + FRONTEND + " : All Connections",
                POSTGRES + " => " + EXT + " : All Connections",
                POSTGRES + " => " + FRONTEND + " : All Connections"));
    }

    @Test
    void bothTypesWithoutRulesIsolateCompletely() {
        String out = twoTier(policy("web", "isolate", "podSelector: {matchLabels: {app: frontend}}\npolicyTypes: [Ingress, Egress]"));
        assertThat(out).isEqualTo(lines(
                EXT + " => " + POSTGRES + " : All Connections",
                POSTGRES + " => " + EXT + " : All Connections"));
    }

    @Test
    void allowAllRuleNextToDenyAllReopensEverything() {
        String out = twoTier(
                policy("db", "deny", "podSelector: {}\npolicyTypes: [Ingress, Egress]"),
                policy("db", "allow", "podSelector: {}\npolicyTypes: [Ingress, Egress]\ningress: [{}]\negress: [{}]"));
        assertThat(out).isEqualTo(twoTier());
    }

    @Test
    void egressOnlyPolicyIgnoresItsIngressRules() {
        String out = twoTier(policy("web", "egress-only", """
                podSelector: {matchLabels: {app: frontend}}
                policyTypes: [Egress]
                ingress: [{from: [{podSelector: {matchLabels: {app: nobody}}}]}]
                egress: [{to: [{namespaceSelector: {matchLabels: {team: data}}}], ports: [{port: 5432}]}]
                """));
        assertThat(out).isEqualTo(lines(
                EXT + " => " + POSTGRES + " : All Connections",
                EXT + " => " + FRONTEND + " : All Connections",
                POSTGRES + " => " + EXT + " : All Connections",
                POSTGRES + " => " + FRONTEND + " : All Connections",
                FRONTEND + " => " + POSTGRES + " : TCP 5432"));
    }

    @Test
    void ingressOnlyPolicyIgnoresItsEgressRules() {
        String out = twoTier(policy("web", "ingress-only", """
                podSelector: {matchLabels: {app: frontend}}
                policyTypes: [Ingress]
                ingress: [{ports: [{port: http}]}]
                egress: [{to: [{podSelector: {matchLabels: {app: nobody}}}]}]
                """));
        assertThat(out).isEqualTo(lines(
                EXT + " => " + POSTGRES + " : All Connections",
                EXT + " => " + FRONTEND + " : TCP 8080",
                POSTGRES + " => " + EXT + " : All Connections",
                POSTGRES + " => " + FRONTEND + " : TCP 8080",
                FRONTEND + " => " + EXT + " : All Connections",
                FRONTEND + " => " + POSTGRES + " : All Connections"));
    }

    @Test
    void withoutPolicyTypesEgressRulesImplyEgressAndIngressIsAlwaysImplied() {
        String out = twoTier(policy("web", "implied", """
                podSelector: {matchLabels: {app: frontend}}
                egress: [{to: [{podSelector: {}, namespaceSelector: {}}], ports: [{port: pg}]}]
                """));
        assertThat(out).isEqualTo(lines(
                EXT + " => " + POSTGRES + " : All Connections",
                POSTGRES + " => " + EXT + " : All Connections",
                FRONTEND + " => " + POSTGRES + " : TCP 5432"));
    }

    @Test
    void withoutPolicyTypesOrEgressRulesOnlyIngressIsIsolated() {
        String out = twoTier(policy("db", "implied", """
                podSelector: {}
                ingress: [{from: [{namespaceSelector: {matchLabels: {team: web}}}]}]
                """));
        assertThat(out).isEqualTo(lines(
                EXT + " => " + FRONTEND + " : All Connections",
                POSTGRES + " => " + EXT + " : All Connections",
                POSTGRES + " => " + FRONTEND + " : All Connections",
                FRONTEND + " => " + EXT + " : All Connections",
                FRONTEND + " => " + POSTGRES + " : All Connections"));
    }

    @Test
    void connectionNeedsBothEgressOfSourceAndIngressOfDestination() {
        // frontend may send 5432 and 6432; postgres accepts 5432 and 9187: only the overlap is allowed
        String out = twoTier(
                policy("web", "out", """
                        podSelector: {}
                        policyTypes: [Egress]
                        egress: [{ports: [{port: 5432}, {port: 6432}]}]
                        """),
                policy("db", "in", """
                        podSelector: {}
                        ingress: [{ports: [{port: 5432}, {port: 9187}]}]
                        """));
        assertThat(out).isEqualTo(lines(
                EXT + " => " + POSTGRES + " : TCP 5432,9187",
                EXT + " => " + FRONTEND + " : All Connections",
                POSTGRES + " => " + EXT + " : All Connections",
                POSTGRES + " => " + FRONTEND + " : All Connections",
                FRONTEND + " => " + EXT + " : TCP 5432,6432",
                FRONTEND + " => " + POSTGRES + " : TCP 5432"));
    }

    @Test
    void podInANamespaceWithoutPoliciesStaysOpen() {
        String out = analyze(
                namespace("db", "team: data"),
                deployment("db", "postgres", "app: postgres"),
                policy("db", "deny", "podSelector: {}\npolicyTypes: [Ingress, Egress]"),
                """
                apiVersion: v1
                kind: Pod
                metadata: {name: debug, namespace: sandbox, labels: {app: debug}}
                spec: {containers: [{name: sh, image: busybox}]}
                """);
        assertThat(out).isEqualTo(lines(
                EXT + " => sandbox/debug[Pod] : All Connections",
                "sandbox/debug[Pod] => " + EXT + " : All Connections"));
    }
}
