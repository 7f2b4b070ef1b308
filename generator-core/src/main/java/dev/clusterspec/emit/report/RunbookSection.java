package dev.clusterspec.emit.report;

import dev.clusterspec.emit.Templates;
import dev.clusterspec.plan.ClusterPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The report's bootstrap runbook (the architecture document's implementation order as exact commands
 * with this cluster's values) and its upgrade section. Their words and command shapes are the
 * templates under {@code templates/report/runbook/}, one per step; their values come from
 * {@link RunbookModel}. Values the spec cannot know (OCIDs, the bastion's ephemeral address, the
 * tailnet's name) are written as {@code <placeholders>} by the templates. Which steps a cluster's
 * runbook has is decided here: the steps outside the cluster differ by topology (the Proxmox hosts,
 * or the OCI image and instances).
 */
final class RunbookSection {

    static final String FOLDER = "report/runbook/";

    private RunbookSection() {}

    static List<Section> build(ReportInputs inputs, int warningCount) {
        ClusterPlan plan = inputs.plan();
        Map<String, Object> values = RunbookModel.of(inputs, warningCount);
        add(values, ExposureChecks.model(plan));
        add(values, plan.nested() ? NestedRunbook.model(plan, inputs.firewall()) : DirectRunbook.model(plan));
        Map<String, Object> model = LiteralValues.protect(values);
        RunbookDocument document = new RunbookDocument();
        for (String template : templates(plan)) {
            document.add(RenderedTemplate.of(FOLDER + template, Templates.get().render(FOLDER + template, model)));
        }
        return document.sections();
    }

    /** All templates share one model: a value of the same name from two places would be a bug. */
    private static void add(Map<String, Object> values, Map<String, Object> more) {
        more.forEach((name, value) -> {
            if (values.containsKey(name)) {
                throw new IllegalStateException("runbook value " + name + " is set twice");
            }
            values.put(name, value);
        });
    }

    /** The templates in the document's order: the sections' openings and one template per step. */
    static List<String> templates(ClusterPlan plan) {
        List<String> templates = new ArrayList<>(List.of("bootstrap.ftl", "prepare.ftl"));
        if (plan.nested()) {
            templates.addAll(List.of("nested/oci.ftl", "nested/hosts.ftl", "nested/guests.ftl"));
            plan.meshGateway().ifPresent(g -> templates.add("nested/mesh-gateway.ftl"));
            templates.add("nested/talos.ftl");
        } else {
            templates.addAll(List.of("direct/image.ftl", "direct/oci.ftl", "direct/talos.ftl"));
        }
        templates.addAll(List.of("cilium.ftl", "ccm.ftl", "tailscale.ftl", "policies.ftl", "exposure.ftl", "workloads.ftl", "upgrade.ftl"));
        return templates;
    }
}
