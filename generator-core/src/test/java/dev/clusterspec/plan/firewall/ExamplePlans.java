package dev.clusterspec.plan.firewall;

import dev.clusterspec.Examples;
import dev.clusterspec.check.SpecValidator;
import dev.clusterspec.plan.ClusterPlan;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The bundled examples as plans, validated once per test run. */
public final class ExamplePlans {

    /** Every bundled example. */
    public static final List<String> ALL = Examples.ALL;

    private static final Map<String, ClusterPlan> PLANS = new ConcurrentHashMap<>();

    private ExamplePlans() {}

    public static ClusterPlan plan(String example) {
        return PLANS.computeIfAbsent(example, e -> ClusterPlan.of(new SpecValidator().validate(Examples.spec(e)).loaded()));
    }

    public static FirewallPlan firewall(String example) {
        return FirewallPlan.of(plan(example));
    }
}
