package dev.clusterspec.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterspec.diff.DiffEntry.Status;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class OutputDiffTest {

    private static final String SERVICE = """
            apiVersion: v1
            kind: Service
            metadata:
              name: public-web
              namespace: web
              labels:
                app.kubernetes.io/name: public-web
            spec:
              type: LoadBalancer
              selector:
                app: public-web
              ports:
                - name: https
                  port: %d
                  targetPort: 8443
                  protocol: TCP
            """;

    private static final String NAMESPACE = """
            apiVersion: v1
            kind: Namespace
            metadata:
              name: web
            """;

    private static final String POOL = """
            apiVersion: cilium.io/v2
            kind: CiliumLoadBalancerIPPool
            metadata:
              name: lan
            spec:
              blocks:
                - cidr: 10.0.0.192/27
            """;

    static Map<String, byte[]> files(String... pathsAndContents) {
        Map<String, byte[]> files = new TreeMap<>();
        for (int i = 0; i < pathsAndContents.length; i += 2) {
            files.put(pathsAndContents[i], pathsAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return files;
    }

    private static DiffReport compare(Map<String, byte[]> before, Map<String, byte[]> after) {
        return OutputDiff.compare(before, after, DiffOptions.defaults());
    }

    @Test
    void anUnchangedObjectThatMovedToAnotherContentAddressedFileIsUnchanged() {
        DiffReport report = compare(
                files("manifest-repo/60-services/aaaaaaaaaaaa.yaml", "# old header\n" + NAMESPACE + "---\n" + SERVICE.formatted(443)),
                files("manifest-repo/60-services/bbbbbbbbbbbb.yaml", SERVICE.formatted(443) + "---\n" + NAMESPACE));

        assertThat(report.hasChanges()).isFalse();
        assertThat(report.unchanged()).extracting(e -> e.id().display())
                .containsExactly("Namespace web", "Service web/public-web");
        assertThat(report.unchanged()).allSatisfy(e -> {
            assertThat(e.moved()).isTrue();
            assertThat(e.beforeFile()).isEqualTo("manifest-repo/60-services/aaaaaaaaaaaa.yaml");
            assertThat(e.afterFile()).isEqualTo("manifest-repo/60-services/bbbbbbbbbbbb.yaml");
        });
        assertThat(report.summary()).isEqualTo("0 added, 0 changed, 0 removed (2 unchanged)");
        assertThat(report.render(false)).isEqualTo("No changes.\n0 added, 0 changed, 0 removed (2 unchanged)\n");
    }

    @Test
    void reorderedKeysAreNotAChange() {
        String reordered = """
                kind: Namespace
                metadata:
                  name: web
                apiVersion: v1
                """;
        assertThat(compare(files("manifest-repo/a.yaml", NAMESPACE), files("manifest-repo/b.yaml", reordered)).hasChanges())
                .isFalse();
    }

    @Test
    void aChangedPortShowsItsFieldPathAndAUnifiedHunk() {
        DiffReport report = compare(
                files("manifest-repo/60-services/aaaaaaaaaaaa.yaml", SERVICE.formatted(443)),
                files("manifest-repo/60-services/bbbbbbbbbbbb.yaml", SERVICE.formatted(8443)));

        assertThat(report.changed()).hasSize(1);
        DiffEntry entry = report.changed().get(0);
        assertThat(entry.id()).isEqualTo(EntryId.object("", "Service", "web", "public-web"));
        assertThat(entry.fieldChanges()).extracting(FieldChange::toString)
                .containsExactly("spec.ports[name=https].port: 443 -> 8443");
        assertThat(report.render(false)).isEqualTo("""
                ~ changed Service web/public-web
                  file: manifest-repo/60-services/bbbbbbbbbbbb.yaml (was manifest-repo/60-services/aaaaaaaaaaaa.yaml)
                  spec.ports[name=https].port: 443 -> 8443
                --- a/manifest-repo/60-services/aaaaaaaaaaaa.yaml (Service web/public-web)
                +++ b/manifest-repo/60-services/bbbbbbbbbbbb.yaml (Service web/public-web)
                @@ -11,6 +11,6 @@
                     app: public-web
                   ports:
                     - name: https
                -      port: 443
                +      port: 8443
                       targetPort: 8443
                       protocol: TCP

                0 added, 1 changed, 0 removed (0 unchanged)
                """);
    }

    @Test
    void unnamedListItemsAreShownByIndex() {
        String before = POOL;
        String after = POOL.replace("10.0.0.192/27", "10.0.0.224/27");
        DiffEntry entry = compare(files("manifest-repo/a.yaml", before), files("manifest-repo/a.yaml", after)).changed().get(0);
        assertThat(entry.id().display()).isEqualTo("CiliumLoadBalancerIPPool.cilium.io lan");
        assertThat(entry.fieldChanges()).extracting(FieldChange::toString)
                .containsExactly("spec.blocks[0].cidr: 10.0.0.192/27 -> 10.0.0.224/27");
    }

    @Test
    void addedAndRemovedObjectsAreListedWithTheirFiles() {
        DiffReport report = compare(
                files("manifest-repo/20-namespaces/aaaa.yaml", NAMESPACE, "manifest-repo/90-lb/cccc.yaml", POOL),
                files("manifest-repo/20-namespaces/aaaa.yaml", NAMESPACE, "manifest-repo/60-services/bbbb.yaml",
                        SERVICE.formatted(443)));

        assertThat(report.summary()).isEqualTo("1 added, 0 changed, 1 removed (1 unchanged)");
        assertThat(report.added()).singleElement().satisfies(e -> {
            assertThat(e.id().display()).isEqualTo("Service web/public-web");
            assertThat(e.afterFile()).isEqualTo("manifest-repo/60-services/bbbb.yaml");
            assertThat(e.beforeFile()).isNull();
            assertThat(e.diff()).startsWith("--- /dev/null", "+++ b/manifest-repo/60-services/bbbb.yaml (Service web/public-web)",
                    "@@ -0,0 +1,16 @@", "+apiVersion: v1");
        });
        assertThat(report.removed()).singleElement().satisfies(e -> {
            assertThat(e.id().display()).isEqualTo("CiliumLoadBalancerIPPool.cilium.io lan");
            assertThat(e.diff()).startsWith("--- a/manifest-repo/90-lb/cccc.yaml (CiliumLoadBalancerIPPool.cilium.io lan)",
                    "+++ /dev/null", "@@ -1,7 +0,0 @@", "-apiVersion: cilium.io/v2");
        });
        String text = report.render(false);
        assertThat(text).contains("+ added Service web/public-web\n  file: manifest-repo/60-services/bbbb.yaml\n")
                .contains("- removed CiliumLoadBalancerIPPool.cilium.io lan\n  file: manifest-repo/90-lb/cccc.yaml\n");
        // sorted by identity: the pool's kind sorts before Service
        assertThat(text.indexOf("CiliumLoadBalancerIPPool")).isLessThan(text.indexOf("Service web/public-web"));
    }

    @Test
    void anApiVersionChangeWithinTheGroupIsAChangeNotARemovalAndAnAddition() {
        DiffReport report = compare(files("manifest-repo/a.yaml", POOL.replace("cilium.io/v2", "cilium.io/v2alpha1")),
                files("manifest-repo/a.yaml", POOL));
        assertThat(report.changed()).singleElement().satisfies(e -> assertThat(e.fieldChanges())
                .extracting(FieldChange::toString).containsExactly("apiVersion: cilium.io/v2alpha1 -> cilium.io/v2"));
    }

    @Test
    void textFilesAreComparedLineByLineByPath() {
        StringBuilder ruleset = new StringBuilder("table inet clusterspec {\n");
        for (int i = 1; i <= 12; i++) {
            ruleset.append("  # rule ").append(i).append('\n');
        }
        ruleset.append("  tcp dport 443 accept\n}\n");
        String before = ruleset.toString();
        String after = before.replace("tcp dport 443 accept", "tcp dport 8443 accept");

        DiffReport report = compare(
                files("hosts/pve1/clusterspec.nft", before, "proxmox/cluster.fw", "[OPTIONS]\nenable: 1\n",
                        "report/ips.md", "| a |\n"),
                files("hosts/pve1/clusterspec.nft", after, "proxmox/cluster.fw", "[OPTIONS]\nenable: 1\n",
                        "oci/security-list.tf.json", "{\n  \"a\": 1\n}\n"));

        assertThat(report.summary()).isEqualTo("1 added, 1 changed, 1 removed (1 unchanged)");
        DiffEntry nft = report.changed().get(0);
        assertThat(nft.id()).isEqualTo(EntryId.file("hosts/pve1/clusterspec.nft"));
        assertThat(nft.fieldChanges()).isEmpty();
        assertThat(nft.diff()).containsExactly(
                "--- a/hosts/pve1/clusterspec.nft",
                "+++ b/hosts/pve1/clusterspec.nft",
                "@@ -11,5 +11,5 @@",
                "   # rule 10",
                "   # rule 11",
                "   # rule 12",
                "-  tcp dport 443 accept",
                "+  tcp dport 8443 accept",
                " }");
        assertThat(report.added()).extracting(e -> e.id().display()).containsExactly("oci/security-list.tf.json");
        assertThat(report.removed()).extracting(e -> e.id().display()).containsExactly("report/ips.md");
    }

    @Test
    void yamlThatIsNotMadeOfObjectsIsComparedAsText() {
        String index = "# table of contents\ncluster: demo\ncomponents: []\n";
        DiffReport report = compare(files("manifest-repo/index.yaml", index),
                files("manifest-repo/index.yaml", index.replace("demo", "prod")));
        assertThat(report.changed()).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo(EntryId.file("manifest-repo/index.yaml"));
            assertThat(e.diff()).contains("-cluster: demo", "+cluster: prod", " # table of contents");
        });
    }

    @Test
    void binaryContentIsReportedByDigest() {
        byte[] before = {(byte) 0xff, (byte) 0xfe, 0, 1};
        byte[] after = {(byte) 0xff, (byte) 0xfe, 0, 2};
        DiffReport report = OutputDiff.compare(Map.of("report/x.bin", before), Map.of("report/x.bin", after),
                DiffOptions.defaults());
        assertThat(report.changed()).singleElement()
                .satisfies(e -> assertThat(e.diff()).singleElement().asString().startsWith("Binary content differs: sha256 "));
    }

    @Test
    void colourOnlyWhenAskedFor() {
        DiffReport report = compare(
                files("manifest-repo/a.yaml", SERVICE.formatted(443), "manifest-repo/b.yaml", POOL),
                files("manifest-repo/a.yaml", SERVICE.formatted(8443), "manifest-repo/c.yaml", NAMESPACE));

        String plain = report.render(false);
        assertThat(plain).doesNotContain("\u001b");

        String coloured = report.render(true);
        assertThat(coloured)
                .contains("\u001b[32m+      port: 8443\u001b[0m")
                .contains("\u001b[31m-      port: 443\u001b[0m")
                .contains("\u001b[36m@@ -11,6 +11,6 @@\u001b[0m")
                .contains("\u001b[1m\u001b[32m+ added\u001b[0m\u001b[1m Namespace web\u001b[0m")
                .contains("\u001b[1m\u001b[31m- removed\u001b[0m")
                .contains("\u001b[1m--- a/manifest-repo/a.yaml (Service web/public-web)\u001b[0m")
                .contains("\u001b[1m1 added, 1 changed, 1 removed (0 unchanged)\u001b[0m");
        // without the escape codes the two renderings say the same
        assertThat(coloured.replaceAll("\u001b\\[[0-9;]*m", "")).isEqualTo(plain);
    }

    @Test
    void theReportDoesNotDependOnTheOrderOfTheInput() {
        Map<String, byte[]> before = files("manifest-repo/z.yaml", POOL, "manifest-repo/a.yaml", SERVICE.formatted(443),
                "hosts/pve2/x.nft", "a\n", "hosts/pve1/x.nft", "b\n");
        Map<String, byte[]> after = files("manifest-repo/q.yaml", SERVICE.formatted(80) + "---\n" + NAMESPACE,
                "hosts/pve1/x.nft", "c\n");
        String first = compare(before, after).render(false);
        assertThat(compare(new HashMap<>(before), new HashMap<>(after)).render(false)).isEqualTo(first);
        assertThat(compare(before, after).entries()).extracting(e -> e.id().display()).containsExactly(
                "CiliumLoadBalancerIPPool.cilium.io lan", "Namespace web", "Service web/public-web",
                "hosts/pve1/x.nft", "hosts/pve2/x.nft");
    }

    @Test
    void oldContentAddressedFilesThatTheIndexDoesNotListAreLeftOut() {
        String index = """
                components:
                  - name: services
                    path: 60-services/bbbb.yaml
                """;
        Map<String, byte[]> published = files(
                "manifest-repo/index.yaml", index,
                "manifest-repo/60-services/aaaa.yaml", SERVICE.formatted(80) + "---\n" + POOL,
                "manifest-repo/60-services/bbbb.yaml", SERVICE.formatted(443));
        Map<String, byte[]> generated = files(
                "manifest-repo/index.yaml", index.replace("bbbb", "cccc"),
                "manifest-repo/60-services/cccc.yaml", SERVICE.formatted(8443));

        DiffReport report = compare(published, generated);

        assertThat(report.notes()).containsExactly("left out 1 file of the before side that manifest-repo/index.yaml "
                + "does not list (older content-addressed versions)");
        assertThat(report.removed()).isEmpty();
        assertThat(report.changed()).extracting(e -> e.id().display())
                .containsExactly("Service web/public-web", "manifest-repo/index.yaml");
        assertThat(report.changed().get(0).fieldChanges()).extracting(FieldChange::toString)
                .containsExactly("spec.ports[name=https].port: 443 -> 8443");

        DiffReport everything = OutputDiff.compare(published, generated, DiffOptions.defaults().withManifestIndex(null));
        assertThat(everything.removed()).extracting(e -> e.id().display()).containsExactly("CiliumLoadBalancerIPPool.cilium.io lan");
        assertThat(everything.notes()).singleElement().asString().startsWith("Service web/public-web is defined 2 times on the before side");
    }

    @Test
    void anObjectDefinedTwiceIsNotedAndTheLastDefinitionIsCompared() {
        DiffReport report = OutputDiff.compare(
                files("manifest-repo/a.yaml", SERVICE.formatted(80), "manifest-repo/b.yaml", SERVICE.formatted(443)),
                files("manifest-repo/c.yaml", SERVICE.formatted(443)),
                DiffOptions.defaults().withLabels("published", "generated"));
        assertThat(report.notes()).containsExactly("Service web/public-web is defined 2 times on the published side "
                + "(manifest-repo/a.yaml, manifest-repo/b.yaml); compared: the one in manifest-repo/b.yaml");
        assertThat(report.hasChanges()).isFalse();
        assertThat(report.render(false)).startsWith("note: Service web/public-web is defined 2 times");
    }

    @Test
    void longDiffsAreCutAtTheConfiguredNumberOfLines() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            text.append("line ").append(i).append('\n');
        }
        DiffReport report = OutputDiff.compare(Map.of(), files("report/long.md", text.toString()),
                DiffOptions.defaults().withMaxLinesPerEntry(10));
        DiffEntry entry = report.added().get(0);
        assertThat(entry.diff()).hasSize(10);
        assertThat(entry.omittedLines()).isEqualTo(43);
        assertThat(report.render(false)).contains("... 43 more diff lines not shown\n");
    }

    @Test
    void aChangeOfOnlyTheFinalNewlineIsShown() {
        DiffReport report = compare(files("report/a.md", "x\n"), files("report/a.md", "x"));
        assertThat(report.changed()).singleElement().satisfies(e -> assertThat(e.diff())
                .endsWith("-x", "+x", UnifiedDiff.NO_NEWLINE));
    }

    @Test
    void bothSidesEmpty() {
        DiffReport report = compare(Map.of(), Map.of());
        assertThat(report.entries()).isEmpty();
        assertThat(report.summary()).isEqualTo("0 added, 0 changed, 0 removed (0 unchanged)");
    }

    @Test
    void statusesAreExposedPerEntry() {
        DiffReport report = compare(files("manifest-repo/a.yaml", NAMESPACE), files("manifest-repo/a.yaml", NAMESPACE));
        assertThat(report.entries()).extracting(DiffEntry::status).containsExactly(Status.UNCHANGED);
        assertThat(report.unchanged().get(0).moved()).isFalse();
    }
}
