package dev.clusterspec.emit.report;

import dev.clusterspec.emit.OutputFile;
import dev.clusterspec.emit.manifests.InlineManifest;
import dev.clusterspec.emit.manifests.ManifestRef;
import dev.clusterspec.emit.manifests.ManifestRepoContent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The manifest repo's files with sizes and URLs, what is inlined instead, and both against the limits. */
final class ManifestSection {

    /** One measured thing and the limit it must stay under. */
    record Check(String what, String measured, long bytes, long limit) {
        boolean over() {
            return bytes > limit;
        }
    }

    private ManifestSection() {}

    /** @param checks what {@link #checks} gave for the same inputs */
    static Section build(ReportInputs inputs, List<Check> checks) {
        ManifestRepoContent repo = inputs.manifests();
        Map<String, OutputFile> files = repo.files().stream().collect(Collectors.toMap(OutputFile::path, Function.identity(), (a, b) -> a));
        List<Block> blocks = new ArrayList<>();
        Inline intro = Inline.of("Talos applies the manifests below on the control planes: those fetched by URL at boot, "
                + "create-only (so their URLs change whenever their content does), and the inline ones from the control-plane configs. "
                + "What must not depend on Git at bootstrap (the CNI) and what is secret is inlined; ");
        inputs.plan().manifestRepo().ifPresentOrElse(
                r -> intro.text("the rest is fetched from ").code(r.url()).text(" (branch " + r.branch() + ")."),
                () -> intro.text("no manifest repo is configured, so everything else is inline too."));
        blocks.add(Block.Paragraph.of(intro));

        blocks.add(new Block.Heading("url-manifests", "Fetched by URL (" + repo.urlManifests().size() + ")"));
        if (repo.urlManifests().isEmpty()) {
            blocks.add(Block.Paragraph.of("None."));
        } else {
            TableBuilder t = TableBuilder.of("#", "component", "path", "bytes", "largest object", "URL").code(2, 5).numeric(0, 3, 4);
            int n = 1;
            for (ManifestRef ref : repo.urlManifests()) {
                if (ref.path() == null) {
                    t.row(Integer.toString(n++), ref.component(), "(pinned upstream file)", bytes(ref.size()), "", ref.url());
                    continue;
                }
                String largest = Optional.ofNullable(files.get(ref.path())).filter(f -> isYaml(f.path())).map(f -> SizeLimits.human(SizeLimits.largestDocument(f.text()))).orElse("");
                t.row(Integer.toString(n++), ref.component(), ref.path(), bytes(ref.size()), largest, ref.url());
            }
            blocks.add(t.build());
        }

        blocks.add(new Block.Heading("inline-manifests", "Inline in the control-plane configs (" + repo.inlineManifests().size() + ")"));
        if (repo.inlineManifests().isEmpty()) {
            blocks.add(Block.Paragraph.of("None."));
        } else {
            TableBuilder t = TableBuilder.of("name", "bytes", "largest object", "holds secrets").numeric(1, 2);
            for (InlineManifest inline : repo.inlineManifests()) {
                t.row(inline.name(), bytes(size(inline)), SizeLimits.human(SizeLimits.largestDocument(inline.contents())),
                        inline.secret() ? "yes (never in Git)" : "no");
            }
            blocks.add(t.build());
        }

        Set<String> fetched = repo.urlManifests().stream().map(ManifestRef::path).collect(Collectors.toSet());
        List<OutputFile> others = repo.files().stream().filter(f -> !fetched.contains(f.path()))
                .sorted(Comparator.comparing(OutputFile::path)).toList();
        if (!others.isEmpty()) {
            blocks.add(new Block.Heading("repo-files", "Other files of the repo (" + others.size() + ")"));
            TableBuilder t = TableBuilder.of("path", "bytes").code(0).numeric(1);
            others.forEach(f -> t.row(f.path(), bytes(f.size())));
            blocks.add(t.build());
        }

        blocks.add(new Block.Heading("limits", "Against the limits"));
        blocks.add(Block.Paragraph.of("Talos has no manifest size limit of its own (no 1 MB limit): a config travels in one gRPC message "
                + "of at most 32 MiB, and each Kubernetes object must fit etcd (Secrets and ConfigMaps at most 1 MiB, any object about 1.5 MiB)."));
        TableBuilder t = TableBuilder.of("what", "measured", "size", "limit", "share", "status").numeric(2, 3, 4);
        for (Check check : checks) {
            t.row(check.over() ? Block.Tone.BAD : Block.Tone.GOOD, check.what(), check.measured(), SizeLimits.human(check.bytes()),
                    SizeLimits.human(check.limit()), SizeLimits.share(check.bytes(), check.limit()), check.over() ? "OVER" : "ok");
        }
        blocks.add(t.build());
        return new Section("manifests", "Manifests", blocks);
    }

    /** The size checks; the report shows all and warns about those over their limit. */
    static List<Check> checks(ReportInputs inputs) {
        ManifestRepoContent repo = inputs.manifests();
        List<Check> checks = new ArrayList<>();
        boolean small = SizeLimits.smallMaintenanceLimit(inputs.plan().spec().versions().talos());
        if (!inputs.talosConfigs().isEmpty()) {
            ReportInputs.FileSize largest = inputs.talosConfigs().stream()
                    .max(Comparator.comparingLong(ReportInputs.FileSize::bytes).thenComparing(ReportInputs.FileSize::path, Comparator.reverseOrder()))
                    .orElseThrow();
            checks.add(new Check("largest Talos config", largest.path(), largest.bytes(), SizeLimits.TALOS_CONFIG));
            if (small) {
                checks.add(new Check("apply-config --insecure (maintenance mode before Talos 1.13)", largest.path(), largest.bytes(),
                        SizeLimits.TALOS_MAINTENANCE_BEFORE_1_13));
            }
        } else {
            long inline = repo.inlineManifests().stream().mapToLong(ManifestSection::size).sum();
            checks.add(new Check("inline manifests of a control-plane config", repo.inlineManifests().size() + " manifests", inline,
                    SizeLimits.TALOS_CONFIG));
            if (small) {
                checks.add(new Check("inline manifests for apply-config --insecure (maintenance mode before Talos 1.13)",
                        repo.inlineManifests().size() + " manifests", inline, SizeLimits.TALOS_MAINTENANCE_BEFORE_1_13));
            }
        }
        String largestName = "";
        long largestObject = 0;
        for (OutputFile file : repo.files().stream().filter(f -> isYaml(f.path())).sorted(Comparator.comparing(OutputFile::path)).toList()) {
            long size = SizeLimits.largestDocument(file.text());
            if (size > largestObject) {
                largestObject = size;
                largestName = file.path();
            }
        }
        for (InlineManifest inline : repo.inlineManifests()) {
            long size = SizeLimits.largestDocument(inline.contents());
            if (size > largestObject) {
                largestObject = size;
                largestName = "inline " + inline.name();
            }
        }
        if (largestObject > 0) {
            checks.add(new Check("largest Kubernetes object", largestName, largestObject, SizeLimits.KUBERNETES_OBJECT));
        }
        return checks;
    }

    private static boolean isYaml(String path) {
        return path.endsWith(".yaml") || path.endsWith(".yml");
    }

    private static long size(InlineManifest inline) {
        return inline.contents().getBytes(StandardCharsets.UTF_8).length;
    }

    private static String bytes(long n) {
        return String.format(java.util.Locale.ROOT, "%,d", n);
    }
}
