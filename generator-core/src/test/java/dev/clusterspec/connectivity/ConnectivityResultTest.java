package dev.clusterspec.connectivity;

import static dev.clusterspec.connectivity.Fixtures.deployment;
import static dev.clusterspec.connectivity.Fixtures.namespace;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The report forms of a result and the namespace reachability assertions. */
class ConnectivityResultTest {
    private static final ConnectivityResult RESULT = Fixtures.result(
            namespace("web", "team: web"),
            namespace("db", "team: data"),
            namespace("empty", "team: none"),
            deployment("web", "frontend", "app: frontend"),
            deployment("db", "postgres", "app: postgres"),
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: pg, namespace: db}
            spec:
              podSelector: {}
              ingress: [{from: [{namespaceSelector: {matchLabels: {team: web}}}], ports: [{port: 5432}]}]
            """);

    @Test
    void forbiddenReachabilityThatExistsIsAViolation() {
        assertThat(RESULT.violations(List.of(ReachabilityAssertion.mustNotReach("web", "db")))).containsExactly(
                "namespace web can reach namespace db (web/frontend[Deployment] => db/postgres[Deployment] : TCP 5432), "
                        + "but the spec says it must not");
    }

    @Test
    void requiredReachabilityThatIsMissingIsAViolation() {
        assertThat(RESULT.violations(List.of(
                ReachabilityAssertion.mustReach("db", "web"),
                ReachabilityAssertion.mustReach("web", "db"),
                new ReachabilityAssertion("db", "empty", true))))
                .containsExactly("namespace db cannot reach namespace empty (namespace empty has no workloads), "
                        + "but the spec says it must");
        assertThat(Fixtures.result(
                deployment("web", "frontend", "app: frontend"),
                deployment("db", "postgres", "app: postgres"),
                """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: deny, namespace: db}
                spec: {podSelector: {}}
                """).violations(List.of(ReachabilityAssertion.mustReach("web", "db"))))
                .containsExactly("namespace web cannot reach namespace db, but the spec says it must");
    }

    @Test
    void assertionsThatHoldGiveNoViolations() {
        assertThat(RESULT.violations(List.of(
                ReachabilityAssertion.mustReach("web", "db"),
                ReachabilityAssertion.mustNotReach("empty", "db"),
                ReachabilityAssertion.mustNotReach("db", "db")))).isEmpty();
    }

    @Test
    void severalOffendingConnectionsAreCounted() {
        ConnectivityResult open = Fixtures.result(
                deployment("web", "a", "app: a"),
                deployment("web", "b", "app: b"),
                deployment("db", "postgres", "app: postgres"));
        assertThat(open.violations(List.of(ReachabilityAssertion.mustNotReach("web", "db")))).containsExactly(
                "namespace web can reach namespace db (web/a[Deployment] => db/postgres[Deployment] : All Connections; "
                        + "and 1 more), but the spec says it must not");
    }

    @Test
    void markdownHasTheConnectionTableAndTheNamespaceMatrix() {
        assertThat(RESULT.toMarkdown()).isEqualTo("""
                # Connectivity

                Workloads: 2 in 3 namespaces. Network policies: 1.

                A connection is listed when the source's egress and the destination's ingress both allow it. \
                Traffic between replicas of one workload is not listed.

                ## Connections

                | source | destination | connections |
                | --- | --- | --- |
                | `0.0.0.0-255.255.255.255[External]` | `web/frontend[Deployment]` | All Connections |
                | `db/postgres[Deployment]` | `0.0.0.0-255.255.255.255[External]` | All Connections |
                | `db/postgres[Deployment]` | `web/frontend[Deployment]` | All Connections |
                | `web/frontend[Deployment]` | `0.0.0.0-255.255.255.255[External]` | All Connections |
                | `web/frontend[Deployment]` | `db/postgres[Deployment]` | TCP 5432 |

                ## Namespace matrix

                Rows are sources, columns destinations. A cell is the union of what any workload of the row \
                may open towards any workload of the column; `-` means nothing.

                | from \\ to | db | empty | web | (external) |
                | --- | --- | --- | --- | --- |
                | db | - | - | All Connections | All Connections |
                | empty | - | - | - | - |
                | web | TCP 5432 | - | - | All Connections |
                | (external) | - | - | All Connections | - |
                """);
    }

    @Test
    void textIsOneLinePerConnection() {
        assertThat(RESULT.toText()).isEqualTo("""
                0.0.0.0-255.255.255.255[External] => web/frontend[Deployment] : All Connections
                db/postgres[Deployment] => 0.0.0.0-255.255.255.255[External] : All Connections
                db/postgres[Deployment] => web/frontend[Deployment] : All Connections
                web/frontend[Deployment] => 0.0.0.0-255.255.255.255[External] : All Connections
                web/frontend[Deployment] => db/postgres[Deployment] : TCP 5432
                """);
        assertThat(RESULT.workloads()).extracting(Workload::token)
                .containsExactly("db/postgres[Deployment]", "web/frontend[Deployment]");
        assertThat(RESULT.between(new Workload("web", "frontend", "Deployment"), new Workload("db", "postgres", "Deployment")))
                .map(c -> c.connections().allows(Protocol.TCP, 5432)).contains(true);
    }
}
