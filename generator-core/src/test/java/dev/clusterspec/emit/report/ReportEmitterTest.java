package dev.clusterspec.emit.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterspec.Golden;
import dev.clusterspec.load.Diagnostic;
import dev.clusterspec.emit.OutputFile;
import dev.clusterspec.emit.manifests.InlineManifest;
import dev.clusterspec.emit.manifests.ManifestRepoContent;
import dev.clusterspec.plan.ClusterPlan;
import dev.clusterspec.spec.Cidr;
import dev.clusterspec.spec.ClusterSpec;
import dev.clusterspec.spec.Node;
import dev.clusterspec.spec.Proxmox.Host;
import dev.clusterspec.spec.ReachabilityAssertion;
import dev.clusterspec.spec.ReachabilityAssertion.Expect;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ReportEmitterTest {

    private static Map<String, OutputFile> emit(ReportInputs inputs) {
        return ReportEmitter.emit(inputs).stream().collect(Collectors.toMap(OutputFile::path, Function.identity()));
    }

    @Test
    void tidyMarkdownHasNoBlanksAtLineEndsAndAtMostOneBlankLineInARow() {
        assertThat(ReportEmitter.tidy("\n\n# Title \t\n\n\n\ntext  \n \t\n  \n| a | b |\t\n    indented\n\n\n  "))
                .isEqualTo("# Title\n\ntext\n\n| a | b |\n    indented\n");
        assertThat(ReportEmitter.tidy("one line")).isEqualTo("one line\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"oci-free-tier", "minimal", "oci-direct"})
    void markdownMatchesItsGoldenFile(String example) {
        Map<String, OutputFile> files = emit(ReportFixtures.inputs(example));
        assertThat(files.keySet()).containsExactlyInAnyOrder(ReportEmitter.HTML_PATH, ReportEmitter.MARKDOWN_PATH,
                ReportEmitter.SVG_PATH, ReportEmitter.CONNECTIVITY_PATH);
        assertThat(files.values()).noneMatch(OutputFile::secret);
        // from these inputs, without Talos configs; the diagram, the connectivity table and the
        // report of the real run are in the examples' whole output (ExampleOutputsGoldenTest)
        Golden.assertFolder("report/" + example, Map.of("README.md", files.get(ReportEmitter.MARKDOWN_PATH).text()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"oci-free-tier", "minimal", "oci-direct"})
    void sameSpecGivesTheSameBytes(String example) {
        List<OutputFile> first = ReportEmitter.emit(ReportFixtures.inputs(example));
        // a fresh load, plan and analysis: nothing may depend on identity hash codes or iteration order of sets
        List<OutputFile> second = ReportEmitter.emit(ReportFixtures.inputs(example));
        assertThat(second).hasSameSizeAs(first);
        for (int i = 0; i < first.size(); i++) {
            assertThat(second.get(i).path()).isEqualTo(first.get(i).path());
            assertThat(second.get(i).content()).as(first.get(i).path()).isEqualTo(first.get(i).content());
        }
    }

    @Test
    void htmlIsOneSelfContainedPageWithTheDiagramInlined() {
        Map<String, OutputFile> files = emit(ReportFixtures.inputs("oci-free-tier"));
        String html = files.get(ReportEmitter.HTML_PATH).text();
        String svg = files.get(ReportEmitter.SVG_PATH).text();
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<meta charset=\"utf-8\">")
                .contains("Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\"")
                .contains(svg).doesNotContain("<script").doesNotContain("<link").doesNotContain("<img").doesNotContain("@import");
        // nothing is fetched: the only references are anchors inside the page
        Matcher refs = Pattern.compile("(?:href|src)=\"([^\"]*)\"").matcher(html);
        List<String> targets = new ArrayList<>();
        while (refs.find()) {
            targets.add(refs.group(1));
        }
        assertThat(targets).isNotEmpty().allMatch(t -> t.startsWith("#"));
        for (String target : targets) {
            assertThat(html).as("anchor " + target).contains(" id=\"" + target.substring(1) + "\"");
        }
        // and every id is unique
        Matcher ids = Pattern.compile(" id=\"([^\"]+)\"").matcher(html);
        List<String> seen = new ArrayList<>();
        while (ids.find()) {
            assertThat(seen).as("duplicate id").doesNotContain(ids.group(1));
            seen.add(ids.group(1));
        }
    }

    @Test
    void htmlAndMarkdownHaveTheSameTablesAndSections() {
        Map<String, OutputFile> files = emit(ReportFixtures.inputs("oci-free-tier"));
        String html = files.get(ReportEmitter.HTML_PATH).text();
        String md = files.get(ReportEmitter.MARKDOWN_PATH).text();
        long htmlTables = count(html, "<table>");
        long mdTables = Arrays.stream(md.split("\n")).filter(l -> l.matches("\\|(-{3}|-{3}:)\\|.*")).count();
        assertThat(htmlTables).isEqualTo(mdTables).isGreaterThan(15);
        assertThat(count(html, "<h2>")).isEqualTo(count(md, "\n## "));
        assertThat(count(html, "<pre><code>")).isEqualTo(count(md, "```sh\n"));
    }

    @Test
    void everyMarkdownTableRowHasAsManyCellsAsItsHeader() {
        for (String example : List.of("oci-free-tier", "minimal", "oci-direct")) {
            String md = emit(ReportFixtures.inputs(example)).get(ReportEmitter.MARKDOWN_PATH).text();
            int columns = -1;
            for (String line : md.split("\n")) {
                if (!line.startsWith("|")) {
                    columns = -1;
                    continue;
                }
                int cells = cells(line);
                if (columns < 0) {
                    columns = cells;
                }
                assertThat(cells).as(example + ": " + line).isEqualTo(columns);
            }
        }
    }

    /** Cells of a Markdown table row: pipes that are not backslash-escaped separate them. */
    private static int cells(String line) {
        int pipes = 0;
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '\\') {
                i++;
            } else if (line.charAt(i) == '|') {
                pipes++;
            }
        }
        return pipes - 1;
    }

    @Test
    void ipAllocationListsEveryAddressOfTheSpecWithFreeSpace() {
        ClusterPlan plan = ReportFixtures.plan("oci-free-tier");
        ClusterSpec spec = plan.spec();
        String md = emit(ReportFixtures.inputs("oci-free-tier")).get(ReportEmitter.MARKDOWN_PATH).text();
        String table = between(md, "## IP allocation", "### Free space");
        List<String> expected = new ArrayList<>();
        spec.oci().reservedIps().forEach(r -> expected.add(r.address().toString()));
        expected.add(spec.bastion().privateIp().toString());
        expected.add(spec.oci().vcn().cidr().toString());
        expected.add(spec.oci().vcn().subnet().toString());
        for (Host h : spec.proxmox().hosts()) {
            expected.add(h.privateIp().toString());
            expected.add(h.bridgeIp().toString());
            h.secondaryPrivateIpIfAny().ifPresent(ip -> expected.add(ip.toString()));
        }
        expected.add(spec.proxmox().bridge().cidr().toString());
        plan.meshGateway().ifPresent(g -> expected.add(g.ip().toString()));
        expected.add(plan.vip().toString());
        spec.nodes().forEach(n -> expected.add(n.ip().toString()));
        spec.network().loadBalancerPools().forEach(p -> expected.add(p.cidr().toString()));
        plan.publicExposures().forEach(e -> expected.add(e.loadBalancerIp().toString()));
        expected.add(spec.network().pods().toString());
        expected.add(spec.network().services().toString());
        expected.add(spec.network().tailnet().toString());
        for (String address : expected) {
            assertThat(table).as(address).contains("| `" + address + "` |");
        }
        // the free ranges of the bridge leave out exactly what the spec uses
        String freeRow = Arrays.stream(between(md, "### Free space", "## Exposure").split("\n"))
                .filter(l -> l.startsWith("| Proxmox vmbr0 ")).findFirst().orElseThrow();
        FreeSpace expectedFree = new FreeSpace(spec.proxmox().bridge().cidr()).takeOffset(0).takeOffset(-1);
        spec.proxmox().hosts().forEach(h -> expectedFree.take(h.bridgeIp()));
        plan.meshGateway().ifPresent(g -> expectedFree.take(g.ip()));
        expectedFree.take(plan.vip());
        spec.nodes().forEach(n -> expectedFree.take(n.ip()));
        spec.network().loadBalancerPools().forEach(p -> expectedFree.take(p.cidr()));
        assertThat(freeRow).contains("| " + expectedFree.freeCount() + " | " + expectedFree.ranges() + " |");
        for (Node node : spec.nodes()) {
            assertThat(expectedFree.ranges()).doesNotContain(node.ip().toString() + ",");
        }
    }

    @Test
    void exposureShowsThePacketPathOfEachPattern() {
        ClusterPlan plan = ReportFixtures.plan("oci-free-tier");
        String md = emit(ReportFixtures.inputs("oci-free-tier")).get(ReportEmitter.MARKDOWN_PATH).text();
        String exposure = between(md, "## Exposure", "### Cluster endpoints");
        var e = plan.publicExposures().get(0);
        assertThat(exposure).contains("internet → " + e.reservedIp() + " (reserved IP " + e.reservedIpName() + ") → "
                + e.ingressHost().secondaryPrivateIp() + " (secondary private IP of " + e.ingressHost().name() + ") → nftables DNAT on "
                + e.ingressHost().name() + " → " + e.loadBalancerIp() + " (LoadBalancer IP, pool " + e.poolName());
        assertThat(exposure).contains("| api/internal-api | tailnet | 8080/tcp | `internal-api` | tailnet client → MagicDNS internal-api");
        assertThat(exposure).contains("| db/database | cluster | 5432/tcp | `database.db.svc.cluster.local` | pods in api → Service db/database");
    }

    @Test
    void warningsComeFirstWithTheSpecFileNameOnly() {
        ReportInputs inputs = ReportFixtures.inputs("oci-free-tier");
        assertThat(inputs.warnings()).isNotEmpty();
        String md = emit(inputs).get(ReportEmitter.MARKDOWN_PATH).text();
        Diagnostic first = inputs.warnings().get(0);
        assertThat(md.indexOf("## Warnings")).isPositive().isLessThan(md.indexOf("## Contents"));
        assertThat(md).contains("- cluster.yaml:" + first.line() + ":" + first.column() + ": ");
        assertThat(md).doesNotContain(first.file());
        assertThat(emit(inputs).get(ReportEmitter.HTML_PATH).text()).doesNotContain(first.file());
    }

    @Test
    void everyValueIsEscapedInHtmlMarkdownAndSvg() {
        String hostile = "x<script>alert('1')</script>&amp;\"|`*_";
        ClusterPlan plan = ReportFixtures.renamed(ReportFixtures.plan("oci-free-tier"), hostile, "eu-<b>frankfurt</b>-1");
        Diagnostic diagnostic = new Diagnostic(Diagnostic.Severity.WARNING, "/somewhere/cluster.yaml", 3, 7, "/x", "look <b>here</b> & | there");
        ReportInputs inputs = ReportFixtures.inputs(plan, List.of(diagnostic), ReportFixtures.manifests(plan));
        Map<String, OutputFile> files = emit(inputs);

        String html = files.get(ReportEmitter.HTML_PATH).text();
        assertThat(html).doesNotContain("<script").doesNotContain("<b>")
                .contains("x&lt;script&gt;alert(&#39;1&#39;)&lt;/script&gt;&amp;amp;&quot;|`*_")
                .contains("look &lt;b&gt;here&lt;/b&gt; &amp; | there");

        String svg = files.get(ReportEmitter.SVG_PATH).text();
        assertThat(svg).doesNotContain("<script").doesNotContain("<b>").contains("eu-&lt;b&gt;frankfurt&lt;/b&gt;-1");
        assertThat(TopologyDiagramTest.texts(svg)).anyMatch(t -> t.contains(hostile));

        String md = files.get(ReportEmitter.MARKDOWN_PATH).text();
        // code blocks and code spans show their text literally; everywhere else markup must be escaped
        String prose = md.replaceAll("(?s)```sh\n.*?\n```", "").replaceAll("(?<!\\\\)(`+).+?\\1", "");
        assertThat(prose).doesNotContainPattern("(?<!\\\\)<script").doesNotContainPattern("(?<!\\\\)<b>");
        assertThat(md).contains("look \\<b\\>here\\</b\\> \\& \\| there")
                .contains("# Cluster x\\<script\\>alert('1')\\</script\\>\\&amp;\"\\|\\`\\*\\_");
    }

    @Test
    void violatedAssertionsAreFlaggedAndWarnedAbout() {
        ClusterPlan base = ReportFixtures.plan("oci-free-tier");
        ClusterPlan plan = ReportFixtures.withAssertions(base, List.of(
                new ReachabilityAssertion("web", "db", Expect.ALLOWED),
                new ReachabilityAssertion("api", "db", Expect.ALLOWED)));
        String md = emit(ReportFixtures.inputs(plan, List.of(), ReportFixtures.manifests(plan))).get(ReportEmitter.MARKDOWN_PATH).text();
        assertThat(between(md, "## Warnings", "## Contents"))
                .contains("assertion violated: namespace web cannot reach namespace db, but the spec says it must");
        assertThat(md).contains("| web | db | allowed | no connection | VIOLATED |")
                .contains("| api | db | allowed | " + Markdown.text("api/any-pod[Pod] → db/database[Pod]: TCP 5432; api/internal-api[Pod] → db/database[Pod]: TCP 5432") + " | holds |");
    }

    @Test
    void theExampleAssertionsHold() {
        String md = emit(ReportFixtures.inputs("oci-free-tier")).get(ReportEmitter.MARKDOWN_PATH).text();
        assertThat(md).contains("| web | db | denied | no connection | holds |").doesNotContain("VIOLATED")
                .doesNotContain("assertion violated");
    }

    @Test
    void sizesAreCheckedAgainstTheRealLimits() {
        ClusterPlan plan = ReportFixtures.plan("oci-free-tier");
        ManifestRepoContent repo = ReportFixtures.manifests(plan);
        String big = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n  blob: " + "x".repeat(1_200_000) + "\n";
        List<InlineManifest> inline = new ArrayList<>(repo.inlineManifests());
        inline.add(new InlineManifest("big", big, false));
        ReportInputs inputs = ReportFixtures.inputs(plan, List.of(), new ManifestRepoContent(repo.files(), repo.urlManifests(), inline))
                .withTalosConfigs(List.of(OutputFile.secretText("talos/cp-1.yaml", "x".repeat(40_000)),
                        OutputFile.secretText("talos/w-1.yaml", "x".repeat(30_000))));
        String md = emit(inputs).get(ReportEmitter.MARKDOWN_PATH).text();
        String limits = between(md, "### Against the limits", "## Bootstrap runbook");
        assertThat(limits).contains("| largest Talos config | talos/cp-1.yaml | 39.1 KiB | 32.0 MiB | 0.1% | ok |")
                .contains("| largest Kubernetes object | inline big | 1.1 MiB | 1.0 MiB | 114.4% | OVER |")
                .doesNotContain("maintenance mode");
        assertThat(between(md, "## Warnings", "## Contents"))
                .contains("largest Kubernetes object (inline big) is 1.1 MiB, over the limit of 1.0 MiB");
        assertThat(md).doesNotContain("x".repeat(100));
    }

    @Test
    void talosBefore113AlsoGetsTheMaintenanceModeLimit() {
        ClusterPlan plan = ReportFixtures.plan("minimal");
        ClusterSpec s = plan.spec();
        ClusterPlan old = ClusterPlan.of(new ClusterSpec(s.apiVersion(), s.kind(), s.metadata(),
                new ClusterSpec.Versions("v1.12.4", s.versions().kubernetes(), s.versions().cilium(), s.versions().tailscaleOperator()),
                s.topology(), s.oci(), s.bastion(), s.proxmox(), s.network(), s.controlPlane(), s.nodes(), s.talos(), s.addons(), s.namespaces(),
                s.services(), s.firewall(), s.manifestRepo(), s.secrets(), s.assertions(), s.manifests()), plan.specSha256());
        String md = emit(ReportFixtures.inputs(old, List.of(), ReportFixtures.manifests(old))).get(ReportEmitter.MARKDOWN_PATH).text();
        assertThat(md).contains("| inline manifests for apply-config --insecure (maintenance mode before Talos 1.13) |")
                .contains("| 4.0 MiB |");
    }

    @Test
    void directTopologyRendersWithoutTheProxmoxParts() {
        ClusterPlan plan = ReportFixtures.direct(ReportFixtures.plan("oci-free-tier"));
        Map<String, OutputFile> files = emit(ReportFixtures.inputs(plan, List.of(), ReportFixtures.manifests(plan)));
        String md = files.get(ReportEmitter.MARKDOWN_PATH).text();
        assertThat(md).contains("direct: Talos on OCI instances").doesNotContain("Proxmox").doesNotContain("pve-firewall")
                .doesNotContain("SSH 22").doesNotContain("VIP").contains("OCI flexible load balancer, 10 Mbps (CCM, spec.loadBalancerIP)");
        // the example's admins (its tailnet) are outside the VCN: each node is configured at its public IP, from Terraform
        for (Node node : plan.nodes()) {
            assertThat(md).contains("talosctl apply-config --insecure -n \"$(terraform -chdir=oci output -json clusterspec_node_public_ips"
                    + " | jq -r '.\"" + node.name() + "\"')\" -f talos/" + node.name() + ".yaml");
        }
        // steps are numbered without gaps
        List<Integer> steps = new java.util.ArrayList<>();
        java.util.regex.Matcher heading = java.util.regex.Pattern.compile("(?m)^### (\\d+)\\. ").matcher(between(md, "## Bootstrap runbook", "## Upgrade"));
        while (heading.find()) {
            steps.add(Integer.parseInt(heading.group(1)));
        }
        assertThat(steps).isEqualTo(java.util.stream.IntStream.range(0, steps.size()).boxed().toList());
        String svg = files.get(ReportEmitter.SVG_PATH).text();
        assertThat(svg).doesNotContain("class=\"t-bar\"").doesNotContain("Proxmox").doesNotContain("SSH 22")
                .contains("API load balancer " + plan.apiLoadBalancer().orElseThrow().privateIp());
        TopologyDiagramTest.assertLayout(svg);
    }

    @Test
    void firewallMatricesHaveOneRowPerFlowOfEveryLayer() {
        ReportInputs inputs = ReportFixtures.inputs("oci-free-tier");
        String md = emit(inputs).get(ReportEmitter.MARKDOWN_PATH).text();
        for (var layer : dev.clusterspec.plan.firewall.Layer.values()) {
            var flows = inputs.firewall().flows(layer);
            assertThat(md).contains("### " + layer.title() + " (" + flows.size() + (flows.size() == 1 ? " flow)" : " flows)"));
            for (var flow : flows) {
                assertThat(md).contains("| `" + flow.service() + "` | " + Markdown.text(flow.reason()) + " |");
            }
        }
    }

    @Test
    void adminsOtherThanTheTailnetAreListed() {
        ClusterPlan plan = ReportFixtures.plan("minimal");
        String md = emit(ReportFixtures.inputs("minimal")).get(ReportEmitter.MARKDOWN_PATH).text();
        boolean tailnetOnly = plan.admins().equals(List.of(plan.spec().network().tailnet()));
        assertThat(md.contains("| Admins | firewall sources |")).isEqualTo(!tailnetOnly);
        assertThat(plan.admins()).extracting(Cidr::toString).allSatisfy(c -> assertThat(md).contains(c));
    }

    private static String between(String text, String from, String to) {
        int start = text.indexOf(from);
        int end = text.indexOf(to, start + from.length());
        assertThat(start).as(from).isNotNegative();
        assertThat(end).as(to).isGreaterThan(start);
        return text.substring(start, end);
    }

    private static long count(String text, String what) {
        long n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + what.length())) {
            n++;
        }
        return n;
    }
}
