package dev.clusterspec.emit.talos;

import dev.clusterspec.load.Diagnostic;
import dev.clusterspec.load.SpecProblemsException;
import dev.clusterspec.configpatch.ConfigPatcher;
import dev.clusterspec.configpatch.ConfigPatcher.JsonPatchTarget;
import dev.clusterspec.configpatch.PatchException;
import dev.clusterspec.spec.FetchTokenScope;
import dev.clusterspec.spec.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;
import dev.clusterspec.load.patches.TalosPatch;

/**
 * Applies each node's patches to the documents generated for it. A patch that cannot apply is
 * reported at its place in the spec (or its file), naming the nodes it failed for; all such
 * problems are gathered over all nodes and thrown together, so that nothing is written.
 *
 * <p>JSON patches apply to the v1alpha1 document: Talos refuses them on multi-document configs, and
 * ours always have several documents (network, firewall), so "the v1alpha1 document as a config of
 * its own" is the only reading that lets a JSON patch written for {@code machine}/{@code cluster} work.
 */
final class PatchApplication {

    private static final ConfigPatcher PATCHER = new ConfigPatcher(JsonPatchTarget.V1ALPHA1_DOCUMENT);

    private final Optional<FetchTokenScope> tokenScope;

    /** @param tokenScope where the manifest repo's fetch token may go; empty when the configs carry none */
    PatchApplication(Optional<FetchTokenScope> tokenScope) {
        this.tokenScope = tokenScope;
    }

    /** A node's documents after its patches, or as they were with the first patch that could not apply. */
    record Patched(List<ObjectNode> documents, Optional<Diagnostic> problem) {}

    /** The first patch that could not apply to a node. */
    record Failure(Node node, Diagnostic place) {}

    /** The node's documents with its patches applied. Safe to call for several nodes at once. */
    Patched apply(Node node, List<ObjectNode> documents, List<TalosPatch> patches) {
        List<ObjectNode> current = documents;
        for (TalosPatch patch : patches) {
            try {
                List<ObjectNode> next = PATCHER.apply(current, List.of(patch.patch()));
                if (tokenScope.isPresent()) {
                    FetchTokenLeak.requireNone(patch.patch().label(), current, next, tokenScope.get());
                }
                current = next;
            } catch (PatchException e) {
                return new Patched(documents, Optional.of(patch.problemAt(e)));
            }
        }
        return new Patched(current, Optional.empty());
    }

    /** Throws every problem met, in node order, each naming its nodes; does nothing when all patches applied. */
    static void throwIfAnyFailed(List<Failure> failures) {
        Map<Diagnostic, List<String>> problems = new LinkedHashMap<>();
        failures.forEach(f -> problems.computeIfAbsent(f.place(), p -> new ArrayList<>()).add(f.node().name()));
        if (problems.isEmpty()) {
            return;
        }
        List<Diagnostic> out = new ArrayList<>();
        problems.forEach((d, nodes) -> out.add(new Diagnostic(d.severity(), d.file(), d.line(), d.column(), d.pointer(),
                d.message().replaceFirst("^talos patch: ", "talos patch cannot apply to " + (nodes.size() == 1 ? "node " : "nodes ")
                        + String.join(", ", nodes) + ": "))));
        throw new SpecProblemsException(out);
    }
}
