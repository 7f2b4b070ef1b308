package dev.clusterspec.connectivity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Cross-checks the optimised computation (bit sets, shared rows) against a direct reading of
 * the semantics, pair by pair, on random clusters that use every NetworkPolicy feature.
 */
class ReachabilityOracleTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void optimisedResultEqualsDirectEvaluation(long seed) {
        List<String> docs = SyntheticCluster.generate(seed, 4, 25, 12);
        List<KubeObject> objects = KubeObjectReader.readString("synthetic.yaml", String.join("---\n", docs)).objects();
        ConnectivityResult result = ConnectivityAnalyzer.analyze(objects);
        // the random clusters must exercise restriction, not only open traffic
        assertThat(result.connections()).anyMatch(c -> !c.connections().isAll()).anyMatch(c -> c.connections().isAll());
        assertThat(result.toText()).isEqualTo(oracle(objects));
    }

    /** Every pair evaluated from the policy models, with no sharing or precomputation. */
    private static String oracle(List<KubeObject> objects) {
        Inventory inventory = Inventory.of(objects);
        List<PolicyModel> policies = new ArrayList<>();
        objects.stream().filter(o -> o.kind().equals("NetworkPolicy")).forEach(o -> policies.add(NetworkPolicyParser.parse(o)));
        List<IpBlock> in = new ArrayList<>();
        List<IpBlock> out = new ArrayList<>();
        policies.forEach(p -> {
            in.addAll(p.ingressBlocks());
            out.addAll(p.egressBlocks());
        });
        Map<String, ConnectionSet> lines = new TreeMap<>();
        for (Endpoint s : inventory.endpoints) {
            for (Endpoint d : inventory.endpoints) {
                if (!s.workload.equals(d.workload)) {
                    ConnectionSet c = allowed(policies, s, false, r -> r.peers().matches(d), d)
                            .intersect(allowed(policies, d, true, r -> r.peers().matches(s), d));
                    lines.merge(s.workload.token() + " => " + d.workload.token(), c, ConnectionSet::union);
                }
            }
            for (IpRange x : ExternalRanges.split(out)) {
                lines.merge(s.workload.token() + " => " + new ExternalPeer(x).token(),
                        allowed(policies, s, false, r -> r.peers().matches(x), null), ConnectionSet::union);
            }
        }
        for (IpRange x : ExternalRanges.split(in)) {
            for (Endpoint d : inventory.endpoints) {
                lines.merge(new ExternalPeer(x).token() + " => " + d.workload.token(),
                        allowed(policies, d, true, r -> r.peers().matches(x), d), ConnectionSet::union);
            }
        }
        StringBuilder sb = new StringBuilder();
        lines.forEach((pair, c) -> {
            if (!c.isEmpty()) {
                sb.append(pair).append(" : ").append(c).append('\n');
            }
        });
        return sb.toString();
    }

    private static ConnectionSet allowed(List<PolicyModel> policies, Endpoint subject, boolean ingress,
                                         Predicate<PolicyRule> peerMatches, Endpoint destination) {
        boolean isolated = false;
        ConnectionSet allowed = ConnectionSet.NONE;
        for (PolicyModel p : policies) {
            if (!p.subjects().matches(subject)) {
                continue;
            }
            isolated |= ingress ? p.isolatesIngress() : p.isolatesEgress();
            for (PolicyRule r : ingress ? p.ingress() : p.egress()) {
                if (peerMatches.test(r)) {
                    allowed = allowed.union(r.ports().towards(destination));
                }
            }
        }
        return isolated ? allowed : ConnectionSet.ALL;
    }
}
