package dev.clusterspec.emit.tailscale;

import dev.clusterspec.emit.catalog.CatalogFile;
import dev.clusterspec.emit.catalog.CatalogSource;
import dev.clusterspec.emit.catalog.VersionCatalog.TailscaleRelease;
import dev.clusterspec.emit.manifests.Component;
import dev.clusterspec.emit.manifests.ComponentInputs;
import dev.clusterspec.emit.manifests.ManifestComponent;
import dev.clusterspec.plan.ClusterPlan;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The Tailscale operator's CRDs, byte for byte as upstream publishes them: mirrored into the repo when
 * a mirror is given, else fetched by Talos from their pinned, immutable upstream URLs (tagged release
 * files).
 */
public final class TailscaleCrds implements Component {

    public static final String NAME = "tailscale-crds";

    @Override
    public String name() {
        return NAME;
    }

    /** CRDs the operator needs at start: before the operator. */
    @Override
    public int order() {
        return 30;
    }

    @Override
    public List<ManifestComponent> manifests(ComponentInputs inputs) {
        ClusterPlan plan = inputs.plan();
        if (!TailscaleOperator.enabled(plan) || inputs.mirror().isEmpty()) {
            return List.of();
        }
        TailscaleRelease release = TailscaleOperator.release(inputs);
        CatalogSource source = inputs.mirror().get();
        StringBuilder text = new StringBuilder("# Tailscale operator " + release.version()
                + " CRDs, mirrored unmodified from upstream (sha256 verified against the version catalog):\n");
        for (CatalogFile file : release.crds()) {
            text.append("#   ").append(file.url()).append(" sha256:").append(file.sha256()).append('\n');
        }
        for (CatalogFile file : release.crds()) {
            String content = new String(source.fetch(file), StandardCharsets.UTF_8);
            text.append("---\n").append(content);
            if (!content.endsWith("\n")) {
                text.append('\n');
            }
        }
        return folder(Optional.of(text.toString()));
    }

    @Override
    public List<CatalogFile> upstreamFiles(ComponentInputs inputs) {
        return TailscaleOperator.enabled(inputs.plan()) && inputs.mirror().isEmpty() ? TailscaleOperator.release(inputs).crds() : List.of();
    }
}
