package dev.clusterspec.emit.workloads;

import dev.clusterspec.plan.ClusterPlan;

/** The Pod Security Standards version the namespaces pin: the cluster's Kubernetes minor, e.g. {@code v1.33}. */
public final class PodSecurity {

    private PodSecurity() {}

    public static String version(ClusterPlan plan) {
        String[] parts = plan.spec().versions().kubernetes().replaceFirst("^v", "").split("\\.");
        return "v" + parts[0] + "." + parts[1];
    }
}
