package dev.clusterspec.emit.report;

import dev.clusterspec.plan.ClusterPlan;
import dev.clusterspec.plan.PublicExposure;
import dev.clusterspec.spec.ReachabilityAssertion;
import dev.clusterspec.spec.ServiceSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values of the runbook's exposure test: each public service at its reserved IP, each tailnet
 * service at its tailnet name, and a probe pod for each TCP port an assertion is about.
 */
final class ExposureChecks {

    private ExposureChecks() {}

    static Map<String, Object> model(ClusterPlan plan) {
        List<Map<String, Object>> tailnet = !ExposureSection.tailscaleOn(plan) ? List.of()
                : plan.services(ServiceSpec.Exposure.TAILNET).stream().map(s -> service(s, s.tailnetHostname())).toList();
        return Map.of(
                "publicServices", plan.publicExposures().stream().map(ExposureChecks::publicService).toList(),
                "tailnetServices", tailnet,
                "reachability", reachability(plan));
    }

    private static Map<String, Object> publicService(PublicExposure e) {
        Map<String, Object> m = service(e.service(), e.reservedIp().toString());
        if (e.loadBalancerIp() != null) {
            m.put("loadBalancerIp", e.loadBalancerIp().toString());
        }
        if (e.ingressHost() != null) {
            m.put("ingressHost", NestedRunbook.address(e.ingressHost()));
        }
        return m;
    }

    /** A service and the address it is tested at from outside the cluster. */
    private static Map<String, Object> service(ServiceSpec s, String address) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("namespace", s.namespace());
        m.put("name", s.name());
        m.put("address", address);
        m.put("ports", s.ports().stream().map(p -> Map.of("number", p.port(), "udp", p.protocol() == ServiceSpec.Protocol.UDP)).toList());
        return m;
    }

    /** Each assertion's TCP ports of the services in its target namespace, in the spec's order. */
    private static List<Map<String, Object>> reachability(ClusterPlan plan) {
        List<Map<String, Object>> probes = new ArrayList<>();
        for (ReachabilityAssertion a : plan.spec().assertions()) {
            for (ServiceSpec s : plan.spec().services()) {
                if (!s.namespace().equals(a.to())) {
                    continue;
                }
                for (ServiceSpec.Port port : s.ports()) {
                    if (port.protocol() == ServiceSpec.Protocol.TCP) {
                        probes.add(Map.of("from", a.from(), "namespace", s.namespace(), "name", s.name(), "port", port.port(),
                                "host", ExposureSection.clusterName(plan, s), "allowed", a.expect() == ReachabilityAssertion.Expect.ALLOWED));
                    }
                }
            }
        }
        return probes;
    }
}
