package dev.clusterspec.emit.report;

import dev.clusterspec.load.patches.TalosPatches;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The spec's Talos patches, in the order they apply, and the nodes each one touches; absent without patches. */
final class TalosPatchSection {

    private TalosPatchSection() {}

    static Optional<Section> build(ReportInputs inputs) {
        if (inputs.talosPatches().isEmpty()) {
            return Optional.empty();
        }
        List<Block> blocks = new ArrayList<>();
        blocks.add(Block.Paragraph.of("Patches change the generated Talos configs where the spec has no field. A node gets those for all nodes"
                + " first, then its role's, then its own, each in the order written; JSON patches apply to the v1alpha1 document."));
        TableBuilder t = TableBuilder.of("#", "patch", "kind", "for", "nodes").code(1).numeric(0);
        int n = 1;
        for (TalosPatches.Use use : inputs.talosPatches()) {
            t.row(Integer.toString(n++), use.source(), use.kind(), use.scope(), use.nodes().isEmpty() ? "(none)" : String.join(", ", use.nodes()));
        }
        blocks.add(t.build());
        return Optional.of(new Section("talos-patches", "Talos patches", blocks));
    }
}
