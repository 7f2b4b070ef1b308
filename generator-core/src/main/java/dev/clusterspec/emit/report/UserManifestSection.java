package dev.clusterspec.emit.report;

import dev.clusterspec.emit.manifests.ManifestRef;
import dev.clusterspec.load.manifests.UserManifestFile;
import dev.clusterspec.spec.ExtraManifestUrl;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The spec's own manifests: the files of its manifests folder with the repo files they became and
 * their objects, and the URLs Talos fetches itself with what pins each one; absent when there are none.
 */
final class UserManifestSection {

    private UserManifestSection() {}

    static Optional<Section> build(ReportInputs inputs) {
        List<ExtraManifestUrl> urls = inputs.plan().extraManifests();
        if (inputs.userManifests().isEmpty() && urls.isEmpty()) {
            return Optional.empty();
        }
        List<Block> blocks = new ArrayList<>();
        if (!inputs.userManifests().isEmpty()) {
            blocks.add(Block.Paragraph.of(Inline.of("From the manifests folder ")
                    .code(inputs.plan().spec().manifests().folderIfAny().orElse(""))
                    .text(", one component per file in file-name order, applied after everything clusterspec generates. They were checked"
                            + " like the generated manifests: no secret, no object twice or generated already; their network policies count"
                            + " in the connectivity analysis and the assertions.")));
            TableBuilder t = TableBuilder.of("file", "component", "repo file", "objects").code(0, 2);
            for (UserManifestFile file : inputs.userManifests()) {
                t.row(file.path(), file.component(), repoFile(inputs, file.component()), String.join(", ", file.objectNames()));
            }
            blocks.add(t.build());
        }
        if (!urls.isEmpty()) {
            blocks.add(Block.Paragraph.of("Talos fetches these URLs itself at boot, beside the manifest repo's files. Their content is not known"
                    + " when generating: it is not checked for secrets or schemas and not part of the connectivity analysis."));
            TableBuilder t = TableBuilder.of("#", "URL", "pinned by").code(1).numeric(0);
            int n = 1;
            for (ExtraManifestUrl url : urls) {
                t.row(Integer.toString(n++), url.url(), url.pin().label());
            }
            blocks.add(t.build());
        }
        return Optional.of(new Section("user-manifests", "Your manifests", blocks));
    }

    /** The component's file in the repo, or "inline" when there is no repo and it travels in the control-plane configs. */
    private static String repoFile(ReportInputs inputs, String component) {
        return inputs.manifests().urlManifests().stream().filter(r -> component.equals(r.component()) && r.path() != null)
                .map(ManifestRef::path).findFirst().orElse("inline");
    }
}
