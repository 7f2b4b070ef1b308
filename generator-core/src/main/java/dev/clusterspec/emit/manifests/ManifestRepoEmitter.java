package dev.clusterspec.emit.manifests;

import dev.clusterspec.emit.OutputFile;
import dev.clusterspec.emit.catalog.CatalogFile;
import dev.clusterspec.emit.catalog.CatalogSource;
import dev.clusterspec.emit.catalog.HttpCatalogSource;
import dev.clusterspec.Sha256;
import dev.clusterspec.emit.catalog.VersionCatalog;
import dev.clusterspec.emit.cilium.CiliumEmitter;
import dev.clusterspec.emit.monitoring.AlloyEmitter;
import dev.clusterspec.emit.ociccm.OciCcmEmitter;
import dev.clusterspec.emit.tailscale.TailscaleEmitter;
import dev.clusterspec.emit.workloads.WorkloadsEmitter;
import dev.clusterspec.plan.ClusterPlan;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Assembles the manifest repo: every add-on component plus the ones passed in (network policies),
 * each as one content-addressed file {@code NN-<component>/<first 12 hex of sha256>.yaml}, where NN
 * is the component's {@link ApplyOrder}. A changed manifest is a new file, so a Talos config that
 * names it by URL changes with it, and Talos (which only creates objects at boot) never silently
 * keeps an old version. The repo also gets {@code index.yaml} and {@code README.md} (order, sizes,
 * sha256).
 *
 * <p>How Talos gets each file: the Cilium install is an inline manifest of the control-plane configs
 * (bootstrap must not depend on Git: no CNI, no cluster) and is in the repo for upgrades; every other
 * component is a URL manifest, in apply order. A spec without a manifest repo gets every component
 * inline. Before returning, the content is checked for secrets; one found is an error.
 */
public final class ManifestRepoEmitter {

    public static final String INDEX = "index.yaml";
    public static final String README = "README.md";

    private static final Pattern COMPONENT_NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,40}[a-z0-9])?");

    private final CiliumEmitter cilium;
    private final TailscaleEmitter tailscale;
    private final OciCcmEmitter ociCcm;
    private final AlloyEmitter monitoring;
    private final WorkloadsEmitter workloads = new WorkloadsEmitter();
    private final RepoSecretGuard guard = new RepoSecretGuard();

    /**
     * @param catalog       the version catalog (usually {@link VersionCatalog#bundled()})
     * @param catalogSource where the pinned third-party files (Tailscale CRDs) come from
     */
    public ManifestRepoEmitter(VersionCatalog catalog, CatalogSource catalogSource) {
        this.cilium = new CiliumEmitter(catalog);
        this.tailscale = new TailscaleEmitter(catalog, catalogSource);
        this.ociCcm = new OciCcmEmitter(catalog);
        this.monitoring = new AlloyEmitter(catalog);
    }

    /**
     * The bundled catalog with third-party files not mirrored: Talos fetches them from their pinned
     * upstream URLs. Generating then needs no network; booting needs the upstream host.
     */
    public static ManifestRepoEmitter referencingUpstream(VersionCatalog catalog) {
        return new ManifestRepoEmitter(catalog, null);
    }

    /** The bundled catalog, files downloaded from their pinned URLs once into {@code cacheDir}. */
    public static ManifestRepoEmitter downloadingInto(Path cacheDir) {
        return new ManifestRepoEmitter(VersionCatalog.bundled(), new HttpCatalogSource(cacheDir));
    }

    /** The add-on components of the spec, in apply order. */
    public List<ManifestComponent> components(ClusterPlan plan) {
        List<ManifestComponent> out = new ArrayList<>();
        out.add(cilium.install(plan));
        workloads.namespaces(plan).ifPresent(out::add);
        tailscale.crds(plan).ifPresent(out::add);
        tailscale.operator(plan).ifPresent(out::add);
        ociCcm.controller(plan).ifPresent(out::add);
        monitoring.alloy(plan).ifPresent(out::add);
        workloads.services(plan).ifPresent(out::add);
        cilium.loadBalancing(plan).ifPresent(out::add);
        return out;
    }

    public ManifestRepoContent emit(ClusterPlan plan, List<ManifestComponent> extraComponents) {
        List<ManifestComponent> components = new ArrayList<>(components(plan));
        components.addAll(extraComponents);
        return assemble(plan, components);
    }

    /**
     * The repo of exactly these components: for callers that need the generated components before
     * the repo is laid out (to check the user's manifests against them) and so render them once.
     */
    public ManifestRepoContent assemble(ClusterPlan plan, List<ManifestComponent> allComponents) {
        List<ManifestComponent> components = new ArrayList<>(allComponents);
        checkNames(components);
        components.sort(Comparator.comparingInt(ManifestComponent::order).thenComparing(ManifestComponent::name));

        List<OutputFile> files = new ArrayList<>();
        List<ManifestRef> urlManifests = new ArrayList<>();
        List<InlineManifest> inline = new ArrayList<>();
        List<ManifestRepoIndex.Entry> entries = new ArrayList<>();
        List<CatalogFile> upstream = tailscale.upstreamCrds(plan);
        boolean upstreamListed = false;
        for (ManifestComponent component : components) {
            if (!upstreamListed && component.order() > ApplyOrder.CRDS) {
                upstream.forEach(f -> urlManifests.add(upstreamRef(f)));
                upstreamListed = true;
            }
            byte[] bytes = component.yaml().getBytes(StandardCharsets.UTF_8);
            String sha256 = Sha256.hex(bytes);
            String folder = folder(component);
            String path = folder + "/" + sha256.substring(0, 12) + ".yaml";
            files.add(OutputFile.text(path, component.yaml()));
            Optional<String> url = plan.manifestUrl(path);
            boolean inlined = component.name().equals(CiliumEmitter.INSTALL) || url.isEmpty();
            if (inlined) {
                inline.add(new InlineManifest(folder, component.yaml(), false));
            } else {
                urlManifests.add(new ManifestRef(component.name(), path, url.get(), sha256, bytes.length));
            }
            entries.add(new ManifestRepoIndex.Entry(component, path, sha256, bytes.length, inlined, url.orElse(null)));
        }
        if (!upstreamListed) {
            upstream.forEach(f -> urlManifests.add(upstreamRef(f)));
        }
        ManifestRepoIndex index = new ManifestRepoIndex(plan.name(), entries, upstream);
        files.add(OutputFile.text(INDEX, index.yaml()));
        files.add(OutputFile.text(README, index.readme()));
        files.sort(Comparator.comparing(OutputFile::path));
        guard.check(files);
        return new ManifestRepoContent(files, urlManifests, inline);
    }

    private static ManifestRef upstreamRef(CatalogFile file) {
        return new ManifestRef(TailscaleEmitter.CRDS, null, file.url(), file.sha256(), Math.toIntExact(file.size()));
    }

    /** {@code NN-<name>}: the folder of a component and the name of its inline manifest. */
    static String folder(ManifestComponent component) {
        return String.format("%02d-%s", component.order(), component.name());
    }

    private static void checkNames(List<ManifestComponent> components) {
        Set<String> seen = new HashSet<>();
        for (ManifestComponent component : components) {
            if (!COMPONENT_NAME.matcher(component.name()).matches()) {
                throw new IllegalArgumentException("manifest component name '" + component.name()
                        + "' must be a lower-case DNS label of at most 42 characters");
            }
            if (component.order() < 0 || component.order() > 99) {
                throw new IllegalArgumentException("manifest component " + component.name() + " has order " + component.order()
                        + "; the apply order is a two-digit folder prefix (0..99)");
            }
            if (!seen.add(component.name())) {
                throw new IllegalArgumentException("two manifest components are named " + component.name());
            }
        }
    }
}
