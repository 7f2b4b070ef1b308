package dev.clusterspec.connectivity;

import static dev.clusterspec.connectivity.Fixtures.analyze;
import static dev.clusterspec.connectivity.Fixtures.deployment;
import static dev.clusterspec.connectivity.Fixtures.lines;
import static dev.clusterspec.connectivity.Fixtures.namespace;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Label selector semantics: each matchExpressions operator, empty selectors, namespace selection. */
class SelectorScenariosTest {
    private static final String EXT = "0.0.0.0-255.255.255.255[External]";

    // target t is selected by the policy; f has tier=front, n has no tier label
    private static final String[] SHOP = {
        namespace("shop", "team: shop"),
        deployment("shop", "f", "app: f, tier: front"),
        deployment("shop", "n", "app: n"),
        deployment("shop", "t", "app: t"),
    };

    private static String ingressToT(String expression) {
        return """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: to-t, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: t}}
                  ingress:
                    - from:
                        - podSelector:
                            matchExpressions: [%s]
                      ports: [{port: 80}]
                """.formatted(expression);
    }

    private static String shopWith(String policy) {
        String[] docs = java.util.Arrays.copyOf(SHOP, SHOP.length + 1);
        docs[SHOP.length] = policy;
        return analyze(docs);
    }

    /** The lines that do not end at t, which no test's policy changes. */
    private static String shop(String fToT, String nToT) {
        StringBuilder sb = new StringBuilder();
        sb.append(EXT + " => shop/f[Deployment] : All Connections\n");
        sb.append(EXT + " => shop/n[Deployment] : All Connections\n");
        sb.append("shop/f[Deployment] => " + EXT + " : All Connections\n");
        sb.append("shop/f[Deployment] => shop/n[Deployment] : All Connections\n");
        if (fToT != null) {
            sb.append("shop/f[Deployment] => shop/t[Deployment] : " + fToT + "\n");
        }
        sb.append("shop/n[Deployment] => " + EXT + " : All Connections\n");
        sb.append("shop/n[Deployment] => shop/f[Deployment] : All Connections\n");
        if (nToT != null) {
            sb.append("shop/n[Deployment] => shop/t[Deployment] : " + nToT + "\n");
        }
        sb.append("shop/t[Deployment] => " + EXT + " : All Connections\n");
        sb.append("shop/t[Deployment] => shop/f[Deployment] : All Connections\n");
        sb.append("shop/t[Deployment] => shop/n[Deployment] : All Connections\n");
        return sb.toString();
    }

    @Test
    void matchExpressionsIn() {
        assertThat(shopWith(ingressToT("{key: tier, operator: In, values: [front, edge]}")))
                .isEqualTo(shop("TCP 80", null));
    }

    @Test
    void matchExpressionsNotInAlsoMatchesPodsWithoutTheLabel() {
        assertThat(shopWith(ingressToT("{key: tier, operator: NotIn, values: [back]}")))
                .isEqualTo(shop("TCP 80", "TCP 80"));
    }

    @Test
    void matchExpressionsExists() {
        assertThat(shopWith(ingressToT("{key: tier, operator: Exists}")))
                .isEqualTo(shop("TCP 80", null));
    }

    @Test
    void matchExpressionsDoesNotExist() {
        assertThat(shopWith(ingressToT("{key: tier, operator: DoesNotExist}")))
                .isEqualTo(shop(null, "TCP 80"));
    }

    @Test
    void matchLabelsAndExpressionsMustAllHold() {
        String policy = """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: to-t, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: t}}
                  ingress:
                    - from:
                        - podSelector:
                            matchLabels: {app: n}
                            matchExpressions: [{key: tier, operator: Exists}]
                """;
        assertThat(shopWith(policy)).isEqualTo(shop(null, null));
    }

    @Test
    void emptyPodSelectorPeerMeansEveryPodOfThePolicysNamespaceOnly() {
        String out = analyze(
                namespace("web", "team: web"),
                namespace("db", "team: data"),
                deployment("web", "frontend", "app: frontend"),
                deployment("web", "cache", "app: cache"),
                deployment("db", "postgres", "app: postgres"),
                """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: cache-from-web, namespace: web}
                spec:
                  podSelector: {matchLabels: {app: cache}}
                  ingress: [{from: [{podSelector: {}}], ports: [{port: 6379}]}]
                """);
        assertThat(out).isEqualTo(lines(
                EXT + " => db/postgres[Deployment] : All Connections",
                EXT + " => web/frontend[Deployment] : All Connections",
                "db/postgres[Deployment] => " + EXT + " : All Connections",
                "db/postgres[Deployment] => web/frontend[Deployment] : All Connections",
                "web/cache[Deployment] => " + EXT + " : All Connections",
                "web/cache[Deployment] => db/postgres[Deployment] : All Connections",
                "web/cache[Deployment] => web/frontend[Deployment] : All Connections",
                "web/frontend[Deployment] => " + EXT + " : All Connections",
                "web/frontend[Deployment] => db/postgres[Deployment] : All Connections",
                "web/frontend[Deployment] => web/cache[Deployment] : TCP 6379"));
    }

    @Test
    void namespaceSelectorAloneSelectsEveryPodOfMatchingNamespaces() {
        String out = analyze(
                namespace("web", "env: prod"),
                namespace("db", "env: prod"),
                namespace("dev", "env: dev"),
                deployment("web", "frontend", "app: frontend"),
                deployment("dev", "tool", "app: tool"),
                deployment("db", "postgres", "app: postgres"),
                deployment("db", "backup", "app: backup"),
                denyIngress("web"), denyIngress("dev"),
                """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: pg-from-prod, namespace: db}
                spec:
                  podSelector: {matchLabels: {app: postgres}}
                  ingress: [{from: [{namespaceSelector: {matchLabels: {env: prod}}}], ports: [{port: 5432}]}]
                """);
        // web and dev deny all ingress, so only what reaches postgres and the outbound lines remain
        assertThat(out).isEqualTo(lines(
                EXT + " => db/backup[Deployment] : All Connections",
                "db/backup[Deployment] => " + EXT + " : All Connections",
                "db/backup[Deployment] => db/postgres[Deployment] : TCP 5432",
                "db/postgres[Deployment] => " + EXT + " : All Connections",
                "db/postgres[Deployment] => db/backup[Deployment] : All Connections",
                "dev/tool[Deployment] => " + EXT + " : All Connections",
                "dev/tool[Deployment] => db/backup[Deployment] : All Connections",
                "web/frontend[Deployment] => " + EXT + " : All Connections",
                "web/frontend[Deployment] => db/backup[Deployment] : All Connections",
                "web/frontend[Deployment] => db/postgres[Deployment] : TCP 5432"));
    }

    private static final String[] MIXED = {
        namespace("web", "team: web"),
        namespace("dev", "team: dev"),
        namespace("db", "team: data"),
        deployment("web", "frontend", "app: frontend"),
        deployment("web", "admin", "app: admin"),
        deployment("dev", "frontend", "app: frontend"),
        deployment("db", "postgres", "app: postgres"),
        deployment("db", "frontend", "app: frontend"),
        denyIngress("web"), denyIngress("dev"),
    };

    private static String mixedWith(String peers) {
        String[] docs = java.util.Arrays.copyOf(MIXED, MIXED.length + 1);
        docs[MIXED.length] = """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: pg, namespace: db}
                spec:
                  podSelector: {matchLabels: {app: postgres}}
                  ingress: [{from: %s}]
                """.formatted(peers);
        return analyze(docs);
    }

    @Test
    void namespaceAndPodSelectorInOnePeerMustBothMatch() {
        String out = mixedWith("[{namespaceSelector: {matchLabels: {team: web}}, podSelector: {matchLabels: {app: frontend}}}]");
        assertThat(out).isEqualTo(lines(
                EXT + " => db/frontend[Deployment] : All Connections",
                "db/frontend[Deployment] => " + EXT + " : All Connections",
                "db/postgres[Deployment] => " + EXT + " : All Connections",
                "db/postgres[Deployment] => db/frontend[Deployment] : All Connections",
                "dev/frontend[Deployment] => " + EXT + " : All Connections",
                "dev/frontend[Deployment] => db/frontend[Deployment] : All Connections",
                "web/admin[Deployment] => " + EXT + " : All Connections",
                "web/admin[Deployment] => db/frontend[Deployment] : All Connections",
                "web/frontend[Deployment] => " + EXT + " : All Connections",
                "web/frontend[Deployment] => db/frontend[Deployment] : All Connections",
                "web/frontend[Deployment] => db/postgres[Deployment] : All Connections"));
    }

    @Test
    void namespaceAndPodSelectorAsTwoPeersEitherMatches() {
        // the lone podSelector means app=frontend in the policy's own namespace (db), not in dev
        String out = mixedWith("[{namespaceSelector: {matchLabels: {team: web}}}, {podSelector: {matchLabels: {app: frontend}}}]");
        assertThat(out).isEqualTo(lines(
                EXT + " => db/frontend[Deployment] : All Connections",
                "db/frontend[Deployment] => " + EXT + " : All Connections",
                "db/frontend[Deployment] => db/postgres[Deployment] : All Connections",
                "db/postgres[Deployment] => " + EXT + " : All Connections",
                "db/postgres[Deployment] => db/frontend[Deployment] : All Connections",
                "dev/frontend[Deployment] => " + EXT + " : All Connections",
                "dev/frontend[Deployment] => db/frontend[Deployment] : All Connections",
                "web/admin[Deployment] => " + EXT + " : All Connections",
                "web/admin[Deployment] => db/frontend[Deployment] : All Connections",
                "web/admin[Deployment] => db/postgres[Deployment] : All Connections",
                "web/frontend[Deployment] => " + EXT + " : All Connections",
                "web/frontend[Deployment] => db/frontend[Deployment] : All Connections",
                "web/frontend[Deployment] => db/postgres[Deployment] : All Connections"));
    }

    @Test
    void undeclaredNamespaceStillHasItsNameLabel() {
        String out = analyze(
                deployment("monitoring", "prometheus", "app: prometheus"),
                deployment("web", "frontend", "app: frontend"),
                denyIngress("monitoring"),
                """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: scrape-only, namespace: web}
                spec:
                  podSelector: {}
                  ingress:
                    - from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: monitoring}}}]
                      ports: [{port: 9090}]
                """);
        assertThat(out).isEqualTo(lines(
                "monitoring/prometheus[Deployment] => " + EXT + " : All Connections",
                "monitoring/prometheus[Deployment] => web/frontend[Deployment] : TCP 9090",
                "web/frontend[Deployment] => " + EXT + " : All Connections"));
    }

    static String denyIngress(String namespace) {
        return """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: deny-ingress, namespace: %s}
                spec:
                  podSelector: {}
                  policyTypes: [Ingress]
                """.formatted(namespace);
    }
}
