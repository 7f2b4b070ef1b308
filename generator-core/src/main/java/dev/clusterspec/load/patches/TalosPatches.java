package dev.clusterspec.load.patches;

import dev.clusterspec.load.SpecProblemsException;
import dev.clusterspec.load.LoadedSpec;
import dev.clusterspec.load.Reading;
import dev.clusterspec.load.SourceMap;
import dev.clusterspec.spec.SpecFolder;
import dev.clusterspec.spec.ClusterSpec;
import dev.clusterspec.spec.Node;
import dev.clusterspec.spec.PatchEntry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Talos patches of a spec, by the nodes they are for: all nodes ({@code talos.patches}), a role
 * ({@code talos.controlplane.patches}, {@code talos.worker.patches}), one node
 * ({@code nodes[].patches}). A node gets them in that order.
 */
public final class TalosPatches {

    private final String specName;
    private final List<TalosPatch> all;
    private final Map<Node.Role, List<TalosPatch>> roles;
    private final Map<String, List<TalosPatch>> nodes;

    private TalosPatches(List<TalosPatch> all, Map<Node.Role, List<TalosPatch>> roles, Map<String, List<TalosPatch>> nodes,
                         String specName) {
        this.specName = specName;
        this.all = all;
        this.roles = roles;
        this.nodes = nodes;
    }

    /**
     * The patches of a validated spec ({@code source} empty for a spec built in code); a patch that
     * cannot be read stops with every such problem.
     */
    public static TalosPatches of(ClusterSpec spec, Optional<LoadedSpec> source) {
        Reading<TalosPatches> reading = read(spec, source);
        if (!reading.problems().isEmpty()) {
            throw new SpecProblemsException(reading.problems());
        }
        return reading.value();
    }

    /** The patches of a spec as read, and what is wrong with them (files, YAML, patch shape). */
    public static Reading<TalosPatches> read(LoadedSpec loaded) {
        return read(loaded.spec(), Optional.of(loaded));
    }

    private static Reading<TalosPatches> read(ClusterSpec spec, Optional<LoadedSpec> source) {
        PatchLoader loader = loader(source);
        TalosPatches patches = load(spec, loader, specName(source));
        return new Reading<>(patches, loader.problems());
    }

    /**
     * The patch files the spec names that exist inside its folder, for the input fingerprint (a
     * changed patch file must regenerate the configs).
     */
    public static List<Path> files(LoadedSpec loaded) {
        SpecFolder folder = SpecFolder.of(loaded.file());
        List<Path> out = new ArrayList<>();
        for (Entry e : entries(loaded.spec())) {
            e.patch().fileIfAny().ifPresent(relative -> {
                try {
                    out.add(folder.resolve(relative));
                } catch (SpecFolder.OutsideException ignored) {
                    // validation reports it
                }
            });
        }
        return out;
    }

    /** The patches of a node, in the order they apply. */
    public List<TalosPatch> forNode(Node node) {
        List<TalosPatch> out = new ArrayList<>(all);
        out.addAll(roles.get(node.role()));
        out.addAll(nodes.getOrDefault(node.name(), List.of()));
        return out;
    }

    /** Every patch, in the order of the spec: all nodes, control planes, workers, then node by node. */
    List<TalosPatch> inOrder() {
        List<TalosPatch> out = new ArrayList<>(all);
        out.addAll(roles.get(Node.Role.CONTROLPLANE));
        out.addAll(roles.get(Node.Role.WORKER));
        nodes.values().forEach(out::addAll);
        return out;
    }

    /**
     * A patch and the nodes it applies to, for the report.
     *
     * @param source the patch file as written in the spec, or the spec line of an inline patch
     * @param kind   strategic merge or JSON patch
     * @param scope  all nodes, control planes, workers, or the node's name
     * @param nodes  the nodes it applies to, in the spec's order
     */
    public record Use(String source, String kind, String scope, List<String> nodes) {
        public Use {
            nodes = List.copyOf(nodes);
        }
    }

    /** Every patch with the nodes it applies to, in the order of the spec. */
    public List<Use> uses(List<Node> nodesInSpecOrder) {
        List<Use> out = new ArrayList<>();
        for (TalosPatch patch : inOrder()) {
            List<String> names = nodesInSpecOrder.stream().filter(n -> forNode(n).contains(patch)).map(Node::name).toList();
            out.add(new Use(patch.source(specName), patch.kind(), patch.level(), names));
        }
        return out;
    }

    private static String specName(Optional<LoadedSpec> source) {
        return source.map(l -> l.file().getFileName().toString()).orElse("cluster.yaml");
    }

    private static PatchLoader loader(Optional<LoadedSpec> source) {
        SourceMap map = source.map(LoadedSpec::sourceMap).orElseGet(() -> new SourceMap("cluster.yaml"));
        return new PatchLoader(map, source.map(LoadedSpec::file));
    }

    private static TalosPatches load(ClusterSpec spec, PatchLoader loader, String specName) {
        List<TalosPatch> all = new ArrayList<>();
        Map<Node.Role, List<TalosPatch>> roles = new LinkedHashMap<>();
        roles.put(Node.Role.CONTROLPLANE, new ArrayList<>());
        roles.put(Node.Role.WORKER, new ArrayList<>());
        Map<String, List<TalosPatch>> nodes = new LinkedHashMap<>();
        for (Entry e : entries(spec)) {
            Optional<TalosPatch> patch = loader.load(e.patch(), e.pointer(), e.level());
            if (patch.isEmpty()) {
                continue;
            }
            if (e.role() != null) {
                roles.get(e.role()).add(patch.get());
            } else if (e.node() != null) {
                nodes.computeIfAbsent(e.node(), n -> new ArrayList<>()).add(patch.get());
            } else {
                all.add(patch.get());
            }
        }
        return new TalosPatches(all, roles, nodes, specName);
    }

    /** One patch entry of the spec, where it is written and whom it is for. */
    private record Entry(PatchEntry patch, String pointer, String level, Node.Role role, String node) {}

    private static List<Entry> entries(ClusterSpec spec) {
        List<Entry> out = new ArrayList<>();
        add(out, spec.talos().patches(), "/talos/patches", "all nodes", null, null);
        add(out, spec.talos().controlplane().patches(), "/talos/controlplane/patches", "control planes", Node.Role.CONTROLPLANE, null);
        add(out, spec.talos().worker().patches(), "/talos/worker/patches", "workers", Node.Role.WORKER, null);
        for (int i = 0; i < spec.nodes().size(); i++) {
            Node node = spec.nodes().get(i);
            add(out, node.patches(), "/nodes/" + i + "/patches", "node " + node.name(), null, node.name());
        }
        return out;
    }

    private static void add(List<Entry> out, List<PatchEntry> patches, String pointer, String level, Node.Role role, String node) {
        for (int i = 0; i < patches.size(); i++) {
            out.add(new Entry(patches.get(i), pointer + "/" + i, level, role, node));
        }
    }
}
