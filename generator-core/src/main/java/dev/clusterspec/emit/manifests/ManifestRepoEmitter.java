package dev.clusterspec.emit.manifests;

import dev.clusterspec.Sha256;
import dev.clusterspec.emit.OutputFile;
import dev.clusterspec.emit.catalog.CatalogFile;
import dev.clusterspec.plan.ClusterPlan;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Assembles the manifest repo from components: each folder as one content-addressed file
 * {@code NN-<component>/<first 12 hex of sha256>.yaml}, where NN is the component's
 * {@linkplain Component#order() order}. A changed manifest is a new file, so a Talos config that
 * names it by URL changes with it, and Talos (which only creates objects at boot) never silently
 * keeps an old version. The repo also gets {@code index.yaml} and {@code README.md} (order, sizes,
 * sha256).
 *
 * <p>How Talos gets each file: a bootstrap component (the CNI) is an inline manifest of the
 * control-plane configs (bootstrap must not depend on Git: no CNI, no cluster) and is in the repo for
 * upgrades; every other folder is a URL manifest, in apply order, with a component's upstream files
 * at its place in that order. A spec without a manifest repo gets every folder inline.
 */
public final class ManifestRepoEmitter {

    public static final String INDEX = "index.yaml";
    public static final String README = "README.md";

    private static final Pattern COMPONENT_NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,40}[a-z0-9])?");

    private ManifestRepoEmitter() {}

    /** The repo of these components, rendered from the inputs. */
    public static ManifestRepoContent emit(List<Component> components, ComponentInputs inputs) {
        ClusterPlan plan = inputs.plan();
        List<ManifestComponent> folders = new ArrayList<>();
        Set<String> bootstrap = new HashSet<>();
        List<Upstream> upstream = new ArrayList<>();
        for (Component component : components) {
            List<ManifestComponent> rendered = component.manifests(inputs);
            folders.addAll(rendered);
            if (component.bootstrap()) {
                rendered.forEach(f -> bootstrap.add(f.name()));
            }
            component.upstreamFiles(inputs).forEach(f -> upstream.add(new Upstream(component, f)));
        }
        checkNames(folders);
        folders.sort(Comparator.comparingInt(ManifestComponent::order).thenComparing(ManifestComponent::name));
        upstream.sort(Comparator.comparingInt(u -> u.component().order()));

        List<OutputFile> files = new ArrayList<>();
        List<ManifestRef> urlManifests = new ArrayList<>();
        List<InlineManifest> inline = new ArrayList<>();
        List<ManifestRepoIndex.Entry> entries = new ArrayList<>();
        Deque<Upstream> pending = new ArrayDeque<>(upstream);
        for (ManifestComponent folder : folders) {
            while (!pending.isEmpty() && pending.peek().component().order() < folder.order()) {
                urlManifests.add(pending.poll().ref());
            }
            byte[] bytes = folder.yaml().getBytes(StandardCharsets.UTF_8);
            String sha256 = Sha256.hex(bytes);
            String name = folder(folder);
            String path = name + "/" + sha256.substring(0, 12) + ".yaml";
            files.add(OutputFile.text(path, folder.yaml()));
            Optional<String> url = plan.manifestUrl(path);
            boolean inlined = bootstrap.contains(folder.name()) || url.isEmpty();
            if (inlined) {
                inline.add(new InlineManifest(name, folder.yaml(), false));
            } else {
                urlManifests.add(new ManifestRef(folder.name(), path, url.get(), sha256, bytes.length));
            }
            entries.add(new ManifestRepoIndex.Entry(folder, path, sha256, bytes.length, inlined, url.orElse(null)));
        }
        pending.forEach(u -> urlManifests.add(u.ref()));
        ManifestRepoIndex index = new ManifestRepoIndex(plan.name(), entries, upstream.stream().map(Upstream::file).toList());
        files.add(OutputFile.text(INDEX, index.yaml()));
        files.add(OutputFile.text(README, index.readme()));
        files.sort(Comparator.comparing(OutputFile::path));
        return new ManifestRepoContent(files, urlManifests, inline);
    }

    /** An upstream file of a component: Talos fetches it by its pinned URL at the component's place in the order. */
    private record Upstream(Component component, CatalogFile file) {
        ManifestRef ref() {
            return new ManifestRef(component.name(), null, file.url(), file.sha256(), Math.toIntExact(file.size()));
        }
    }

    /** {@code NN-<name>}: the folder of a component and the name of its inline manifest. */
    private static String folder(ManifestComponent component) {
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
