package dev.clusterspec.emit.cilium;

import dev.clusterspec.emit.manifests.Component;
import dev.clusterspec.emit.manifests.ComponentInputs;
import dev.clusterspec.emit.manifests.KubeDocuments;
import dev.clusterspec.emit.manifests.ManifestComponent;
import dev.clusterspec.plan.ClusterPlan;
import dev.clusterspec.plan.PublicExposure;
import dev.clusterspec.spec.Network.LoadBalancerPool;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/** The LoadBalancer IP pools with the L2 announcement policy: Cilium custom resources. */
public final class CiliumLoadBalancing implements Component {

    public static final String NAME = "cilium-lb";

    @Override
    public String name() {
        return NAME;
    }

    /** Custom resources: after the Cilium operator has registered its CRDs. */
    @Override
    public int order() {
        return 70;
    }

    @Override
    public List<ManifestComponent> manifests(ComponentInputs inputs) {
        return folder(render(inputs.plan()));
    }

    /** Pools and L2 policy; empty when the spec has no LoadBalancer pools. */
    private static Optional<String> render(ClusterPlan plan) {
        List<LoadBalancerPool> pools = plan.spec().network().loadBalancerPools();
        if (pools.isEmpty()) {
            return Optional.empty();
        }
        List<Map<String, Object>> poolModel = new ArrayList<>();
        for (LoadBalancerPool pool : pools) {
            poolModel.add(Map.of("name", pool.name(), "cidr", pool.cidr().toString()));
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("pools", poolModel);
        model.put("poolLabel", PublicExposure.POOL_LABEL);
        model.put("policyName", "l2-loadbalancer-ips");
        model.put("interfaces", plan.spec().addons().cilium().l2().interfaces());
        List<ObjectNode> objects = KubeDocuments.render("cilium/lb-ipam.yaml.ftl", model);
        return Optional.of(KubeDocuments.file("Cilium LoadBalancer IP pools and L2 announcement policy, cluster " + plan.name()
                + ": applied after the Cilium operator has created its CRDs", objects));
    }
}
