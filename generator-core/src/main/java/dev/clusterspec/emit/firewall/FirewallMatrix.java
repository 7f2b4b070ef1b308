package dev.clusterspec.emit.firewall;

import dev.clusterspec.plan.firewall.Endpoint;
import dev.clusterspec.plan.firewall.FirewallPlan;
import dev.clusterspec.plan.firewall.Flow;
import dev.clusterspec.plan.firewall.Layer;
import dev.clusterspec.spec.NamespaceSpec;
import dev.clusterspec.spec.ServiceSpec;
import java.util.List;

/**
 * The firewall matrix for the report: one Markdown table per layer (source | destination |
 * protocol/ports | reason), everything not listed being denied at that layer, then the Pod Security
 * level of each application namespace (the fifth layer).
 */
public final class FirewallMatrix {

    private FirewallMatrix() {}

    public static String markdown(FirewallPlan plan) {
        StringBuilder out = new StringBuilder();
        out.append("## Firewall matrix\n\n");
        out.append("Every layer denies by default; a row is an allowed connection (replies are allowed by every layer).\n\n");
        out.append(RuleCounts.markdown(plan));
        for (Layer layer : Layer.values()) {
            List<Flow> flows = plan.flows(layer);
            out.append("\n### ").append(layer.title()).append(" (").append(flows.size()).append(flows.size() == 1 ? " flow" : " flows").append(")\n\n");
            if (flows.isEmpty()) {
                out.append("Nothing at this layer for this topology.\n");
                continue;
            }
            out.append("| source | destination | protocol/ports | reason |\n");
            out.append("|---|---|---|---|\n");
            for (Flow flow : flows) {
                out.append("| ").append(cell(flow.source().label()))
                        .append(" | ").append(cell(flow.destination().label()))
                        .append(" | ").append(cell(flow.service()))
                        .append(" | ").append(cell(flow.reason())).append(" |\n");
            }
        }
        podSecurity(plan, out);
        return out.toString();
    }

    private static void podSecurity(FirewallPlan plan, StringBuilder out) {
        List<NamespaceSpec> namespaces = plan.cluster().spec().namespaces();
        out.append("\n### Pod Security Standards (").append(namespaces.size()).append(namespaces.size() == 1 ? " namespace" : " namespaces").append(")\n\n");
        if (namespaces.isEmpty()) {
            out.append("No application namespaces.\n");
            return;
        }
        out.append("| namespace | enforce | reached from | note |\n");
        out.append("|---|---|---|---|\n");
        for (NamespaceSpec namespace : namespaces) {
            String level = namespace.podSecurity().id();
            boolean fromWorld = plan.flows(Layer.NETWORK_POLICY).stream().anyMatch(f -> f.source() instanceof Endpoint.World
                    && f.destination() instanceof Endpoint.Pods p && p.namespace().equals(namespace.name()));
            String reachedFrom = String.join(", ", plan.cluster().spec().services().stream()
                    .filter(s -> s.namespace().equals(namespace.name()))
                    .map(ServiceSpec::exposure).map(ServiceSpec.Exposure::id).distinct().toList());
            String note = fromWorld && namespace.podSecurity() != NamespaceSpec.PodSecurity.RESTRICTED
                    ? "internet-facing but not restricted" : "";
            out.append("| ").append(cell(namespace.name())).append(" | ").append(level).append(" | ")
                    .append(reachedFrom.isEmpty() ? "-" : cell(reachedFrom)).append(" | ").append(note).append(" |\n");
        }
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
