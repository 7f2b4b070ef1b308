package dev.clusterspec.emit.report;

import dev.clusterspec.load.Diagnostic;
import dev.clusterspec.emit.OutputFile;
import dev.clusterspec.emit.Templates;
import dev.clusterspec.plan.ClusterPlan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report people read, in {@code report/}: {@code index.html} (one self-contained page: inline CSS,
 * the diagram inlined, no scripts, nothing fetched), {@code README.md} (the same content as Markdown,
 * for Git diffs and forges), {@code topology.svg} and {@code connectivity.md} (every connection the
 * analyser found). All of it is computed from the inputs; the same inputs give the same bytes.
 */
public final class ReportEmitter {

    public static final String HTML_PATH = "report/index.html";
    public static final String MARKDOWN_PATH = "report/README.md";
    public static final String SVG_PATH = "report/topology.svg";
    public static final String CONNECTIVITY_PATH = "report/connectivity.md";

    private ReportEmitter() {}

    /** The four report files, sorted by path. */
    public static List<OutputFile> emit(ReportInputs inputs) {
        String svg = TopologyDiagram.render(inputs.plan());
        Map<String, Object> model = model(inputs, svg);
        return List.of(
                OutputFile.text(MARKDOWN_PATH, tidy(Templates.get().render("report/README.md.ftl", model))),
                OutputFile.text(CONNECTIVITY_PATH, inputs.connectivity().toMarkdown()),
                OutputFile.text(HTML_PATH, Templates.get().render("report/index.html.ftl", model)),
                OutputFile.text(SVG_PATH, svg));
    }

    /**
     * No blanks at the end of a line, at most one blank line in a row and one newline at the end (the
     * report's code blocks have no blank lines). Line by line: two regular expressions took ten times as long.
     */
    static String tidy(String markdown) {
        StringBuilder out = new StringBuilder(markdown.length());
        boolean blankLine = false;
        int from = 0;
        while (from < markdown.length()) {
            int end = markdown.indexOf('\n', from);
            int trimmed = end < 0 ? markdown.length() : end;
            while (end >= 0 && trimmed > from && (markdown.charAt(trimmed - 1) == ' ' || markdown.charAt(trimmed - 1) == '\t')) {
                trimmed--;
            }
            if (trimmed == from) {
                blankLine = true;
            } else {
                out.append(blankLine ? "\n" : "").append(markdown, from, trimmed).append(end < 0 ? "" : "\n");
                blankLine = false;
            }
            if (end < 0) {
                break;
            }
            from = end + 1;
        }
        return out.toString().strip() + "\n";
    }

    /** Everything the reader should look at first: validation, firewall, connectivity and size warnings. */
    static List<String> warnings(ReportInputs inputs, List<ManifestSection.Check> sizeChecks) {
        List<String> warnings = new ArrayList<>();
        for (Diagnostic d : inputs.warnings()) {
            warnings.add(location(d) + d.message());
        }
        warnings.addAll(inputs.firewall().warnings());
        ConnectivitySection.violations(inputs.plan(), inputs.connectivity()).forEach(v -> warnings.add("assertion violated: " + v));
        inputs.connectivity().warnings().forEach(w -> warnings.add("connectivity: " + w));
        for (ManifestSection.Check check : sizeChecks) {
            if (check.over()) {
                warnings.add(check.what() + " (" + check.measured() + ") is " + SizeLimits.human(check.bytes()) + ", over the limit of "
                        + SizeLimits.human(check.limit()));
            }
        }
        return warnings;
    }

    /** {@code cluster.yaml:19:11: }: the spec's file name only, so that the report does not depend on where it was built. */
    private static String location(Diagnostic d) {
        if (d.file() == null || d.file().isEmpty()) {
            return "";
        }
        Path name = Path.of(d.file()).getFileName();
        return (name == null ? d.file() : name.toString()) + ":" + d.line() + ":" + d.column() + ": ";
    }

    private static Map<String, Object> model(ReportInputs inputs, String svg) {
        ClusterPlan plan = inputs.plan();
        List<ManifestSection.Check> sizeChecks = ManifestSection.checks(inputs);
        List<String> warnings = warnings(inputs, sizeChecks);
        List<Section> sections = new ArrayList<>(List.of(
                topology(plan),
                IpAllocationSection.build(plan),
                ExposureSection.build(plan),
                FirewallSection.build(inputs.firewall()),
                ConnectivitySection.build(plan, inputs.connectivity()),
                ManifestSection.build(inputs, sizeChecks)));
        UserManifestSection.build(inputs).ifPresent(sections::add);
        TalosPatchSection.build(inputs).ifPresent(sections::add);
        sections.addAll(RunbookSection.build(inputs, warnings.size()));
        Map<String, Object> model = new LinkedHashMap<>();
        String title = "Cluster " + plan.name();
        model.put("title", title);
        model.put("titleMd", Markdown.text(title));
        model.put("intro", Inline.model(intro(plan).spans()));
        model.put("facts", facts(plan).model());
        model.put("warnings", warnings.stream().map(w -> Map.of("text", w, "md", Markdown.text(w))).toList());
        model.put("sections", sections.stream().map(Section::model).toList());
        // only the svg element: an XML prolog is not allowed inside HTML
        model.put("svg", svg);
        return model;
    }

    private static Inline intro(ClusterPlan plan) {
        return Inline.of("Generated by clusterspec from ").code("cluster.yaml")
                .text(" (sha256 ").code(plan.specSha256().substring(0, Math.min(12, plan.specSha256().length())))
                .text("); regenerate instead of editing. Everything below is computed from the spec and the generated files.");
    }

    private static Block.Table facts(ClusterPlan plan) {
        var spec = plan.spec();
        var v = spec.versions();
        TableBuilder t = TableBuilder.of("property", "value");
        t.row("cluster", plan.name());
        t.row("topology", plan.nested() ? "nested: Talos VMs on Proxmox hosts that are OCI instances" : "direct: Talos on OCI instances");
        t.row("OCI", spec.oci().region() + " (" + spec.oci().tier().id() + ")");
        t.row("Talos", v.talos());
        t.row("Kubernetes", v.kubernetes());
        t.row("Cilium", v.cilium());
        if (ExposureSection.tailscaleOn(plan)) {
            t.row("Tailscale operator", v.tailscaleOperator());
        }
        t.row("Kubernetes API", plan.endpointUrl().equals(plan.adminApiUrl()) ? plan.endpointUrl()
                : plan.endpointUrl() + " (cluster endpoint), " + plan.adminApiUrl() + " (admins)");
        t.row("nodes", plan.controlPlanes().size() + " control planes, " + plan.workers().size() + " workers");
        plan.manifestRepo().ifPresent(r -> t.row("manifest repo", r.url() + " (" + r.branch() + ")"));
        return t.build();
    }

    private static Section topology(ClusterPlan plan) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Diagram("topology.svg", "Topology of cluster " + plan.name()));
        String tailnet = !plan.tailnet() ? "" : plan.nested() ? "Admins and tailnet services (purple) are reached over the tailnet. "
                : "Tailnet services (purple) are reached over the tailnet, through the Tailscale operator's proxies. ";
        blocks.add(Block.Paragraph.of(Inline.of(plan.nested()
                        ? "Public traffic (orange) enters at a reserved IP, which OCI maps to a secondary private IP of a Proxmox host; "
                        + "the host DNATs it to a LoadBalancer IP that Cilium announces on the bridge. " + tailnet
                        + "The same drawing is in "
                        : "Public traffic (orange) enters at a reserved IP on an OCI flexible load balancer of the CCM, which forwards to"
                        + " NodePorts of the nodes it balances over. The Kubernetes API and talosctl go through the API's network load"
                        + " balancer. " + tailnet + "The same drawing is in ")
                .code("topology.svg").text(".")));
        return new Section("topology", "Topology", blocks);
    }
}
