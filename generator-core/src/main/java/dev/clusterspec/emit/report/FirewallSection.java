package dev.clusterspec.emit.report;

import dev.clusterspec.emit.firewall.RuleCounts;
import dev.clusterspec.plan.firewall.DefaultDeny;
import dev.clusterspec.plan.firewall.Endpoint;
import dev.clusterspec.plan.firewall.FirewallPlan;
import dev.clusterspec.plan.firewall.Flow;
import dev.clusterspec.plan.firewall.Layer;
import dev.clusterspec.spec.NamespaceSpec;
import dev.clusterspec.spec.ServiceSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One matrix per firewall layer from the rule model, the rendered rule counts, and Pod Security. */
final class FirewallSection {

    private FirewallSection() {}

    static Section build(FirewallPlan plan) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(Block.Paragraph.of("Every layer denies by default; a row is an allowed connection (replies are allowed by "
                + "every layer, all are stateful). A packet from outside to a pod has to pass every layer on its path. The "
                + "network policies deny all ingress in every namespace clusterspec creates (" + String.join(", ",
                plan.defaultDenies().stream().map(DefaultDeny::namespace).toList()) + "), and egress too in the application"
                + " namespaces."));
        TableBuilder counts = TableBuilder.of("layer", "rendered as", "flows", "rules").numeric(2, 3);
        for (RuleCounts.Count count : RuleCounts.of(plan)) {
            counts.row(count.layer().title(), count.what(), Integer.toString(count.flows()), Integer.toString(count.rules()));
        }
        blocks.add(counts.build());
        for (Layer layer : Layer.values()) {
            if (!plan.cluster().nested() && (layer == Layer.PROXMOX || layer == Layer.NFTABLES_HOST)) {
                continue; // the Proxmox hosts' layers: OCI instances have neither
            }
            List<Flow> flows = plan.flows(layer);
            blocks.add(new Block.Heading("firewall-" + layer.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                    layer.title() + " (" + flows.size() + (flows.size() == 1 ? " flow)" : " flows)")));
            if (flows.isEmpty()) {
                blocks.add(Block.Paragraph.of("Nothing at this layer for this topology."));
                continue;
            }
            TableBuilder t = TableBuilder.of("source", "destination", "protocol/ports", "reason").code(2);
            for (Flow flow : flows) {
                t.row(flow.source().label(), flow.destination().label(), flow.service(), flow.reason());
            }
            blocks.add(t.build());
        }
        blocks.add(new Block.Heading("pod-security", "Pod Security Standards"));
        blocks.add(podSecurity(plan));
        return new Section("firewall", "Firewall", blocks);
    }

    private static Block podSecurity(FirewallPlan plan) {
        List<NamespaceSpec> namespaces = plan.cluster().spec().namespaces();
        if (namespaces.isEmpty()) {
            return Block.Paragraph.of("No application namespaces.");
        }
        TableBuilder t = TableBuilder.of("namespace", "enforce", "exposure of its services", "note");
        for (NamespaceSpec namespace : namespaces) {
            boolean fromWorld = plan.flows(Layer.NETWORK_POLICY).stream().anyMatch(f -> f.source() instanceof Endpoint.World
                    && f.destination() instanceof Endpoint.Pods p && p.namespace().equals(namespace.name()));
            String exposures = String.join(", ", plan.cluster().spec().services().stream()
                    .filter(s -> s.namespace().equals(namespace.name()))
                    .map(ServiceSpec::exposure).map(ServiceSpec.Exposure::id).distinct().toList());
            boolean weak = fromWorld && namespace.podSecurity() != NamespaceSpec.PodSecurity.RESTRICTED;
            t.row(weak ? Block.Tone.BAD : Block.Tone.NONE, namespace.name(), namespace.podSecurity().id(), exposures,
                    weak ? "internet-facing but not restricted" : "");
        }
        return t.build();
    }
}
