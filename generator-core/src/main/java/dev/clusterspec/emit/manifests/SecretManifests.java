package dev.clusterspec.emit.manifests;

import dev.clusterspec.emit.catalog.CatalogSource;
import dev.clusterspec.emit.catalog.VersionCatalog;
import dev.clusterspec.emit.monitoring.AlloyEmitter;
import dev.clusterspec.emit.ociccm.OciCcmEmitter;
import dev.clusterspec.emit.tailscale.TailscaleEmitter;
import dev.clusterspec.plan.ClusterPlan;
import dev.clusterspec.load.SecretResolver;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The add-ons' Secret objects, built from the spec's secret references, as Talos inline manifests
 * for the control-plane configs (which are secret anyway): the Tailscale operator's OAuth client,
 * Alloy's Grafana Cloud credentials, the OCI CCM configuration with its API key. These never go to
 * the manifest repo. Each one also carries the Namespace it lives in, so it applies on its own.
 */
public final class SecretManifests {

    private SecretManifests() {}

    public static List<InlineManifest> render(ClusterPlan plan, SecretResolver secrets) {
        VersionCatalog catalog = VersionCatalog.bundled();
        List<InlineManifest> out = new ArrayList<>();
        new TailscaleEmitter(catalog, NO_FILES).oauthSecret(plan, secrets).ifPresent(out::add);
        new AlloyEmitter(catalog).grafanaCloudSecret(plan, secrets).ifPresent(out::add);
        new OciCcmEmitter(catalog).cloudConfigSecret(plan, secrets).ifPresent(out::add);
        out.sort(Comparator.comparing(InlineManifest::name));
        return List.copyOf(out);
    }

    /** Secrets need no catalog file; asking for one would be a bug. */
    private static final CatalogSource NO_FILES = file -> {
        throw new IllegalStateException("secret manifests do not read catalog files (asked for " + file.name() + ")");
    };
}
