package dev.clusterspec.emit.manifests;

import dev.clusterspec.emit.catalog.CatalogSource;
import dev.clusterspec.emit.catalog.VersionCatalog;
import dev.clusterspec.plan.ClusterPlan;
import dev.clusterspec.plan.firewall.FirewallPlan;
import java.util.Optional;

/**
 * What components are rendered from: the plan, the firewall plan (the network-policy layer), the
 * version catalog, and where the catalog's third-party files are mirrored from.
 *
 * @param mirror where pinned third-party files (the Tailscale CRDs) are copied from into the repo;
 *               empty to have Talos fetch them from their upstream URLs
 */
public record ComponentInputs(ClusterPlan plan, FirewallPlan firewall, VersionCatalog catalog, Optional<CatalogSource> mirror) {}
