package dev.clusterspec.emit.manifests;

import dev.clusterspec.emit.catalog.CatalogFile;
import dev.clusterspec.load.SecretResolver;
import dev.clusterspec.plan.ClusterPlan;
import java.util.List;
import java.util.Optional;

/**
 * One part of what the cluster runs, as the manifest repo carries it: its manifests, its Secret
 * objects, the upstream files Talos fetches for it, and when Talos applies it. The repo assembler
 * knows components only through this interface; the pipeline's one ordered list names them all, so
 * adding an add-on is one implementation and one line there.
 */
public interface Component {

    /** Its folder in the repo after the order prefix ({@code 10-cilium}), and its inline manifest's name. */
    String name();

    /**
     * When Talos applies it relative to the others, as the two-digit prefix of its folder. Talos names
     * a URL manifest {@code 99-<url>}, applies manifests sorted by name and, within the whole set,
     * creates Namespaces first and CRDs second; the repo's URLs share one prefix, so this number alone
     * orders them. Custom resources get a later number than the operator that registers their CRD:
     * Talos retries an object of an unknown kind on its next pass.
     */
    int order();

    /** Its manifests, one multi-document YAML per folder; none when the spec leaves it off. */
    List<ManifestComponent> manifests(ComponentInputs inputs);

    /**
     * Whether the cluster needs it before it can fetch anything (the CNI): then Talos applies it inline
     * from the control-plane configs, and the repo keeps a copy for upgrades.
     */
    default boolean bootstrap() {
        return false;
    }

    /** Its Secret objects, inline in the control-plane configs (which are secret anyway), never in the repo. */
    default List<InlineManifest> secretManifests(ClusterPlan plan, SecretResolver secrets) {
        return List.of();
    }

    /** Files Talos fetches from their pinned upstream URLs because they are not mirrored into the repo. */
    default List<CatalogFile> upstreamFiles(ComponentInputs inputs) {
        return List.of();
    }

    /** The one folder of a component that has one, or none. */
    default List<ManifestComponent> folder(Optional<String> yaml) {
        return yaml.map(y -> List.of(new ManifestComponent(name(), order(), y))).orElse(List.of());
    }
}
