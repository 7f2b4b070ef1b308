package dev.clusterspec.emit.catalog;

import java.nio.charset.StandardCharsets;
import dev.clusterspec.yaml.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The one list of pinned third-party artefacts ({@code clusterspec/data/catalog.json}): images per
 * add-on version and the upstream files the manifest repo mirrors. Versions come from the spec; a
 * version the catalog does not know is an error that names the versions it does know.
 */
public final class VersionCatalog {

    public static final String RESOURCE = "/clusterspec/data/catalog.json";

    private static final VersionCatalog BUNDLED = read();

    private final JsonNode root;

    private VersionCatalog(JsonNode root) {
        this.root = root;
    }

    public static VersionCatalog bundled() {
        return BUNDLED;
    }

    /** The images of one Cilium release. */
    public record CiliumRelease(String version, ImageRef agent, ImageRef operator, ImageRef envoy, ImageRef hubbleRelay,
                                ImageRef certgen) {}

    /** The images and CRD files of one Tailscale operator release. */
    public record TailscaleRelease(String version, ImageRef operator, ImageRef proxy, List<CatalogFile> crds) {
        public TailscaleRelease {
            crds = List.copyOf(crds);
        }
    }

    public CiliumRelease cilium(String version) {
        JsonNode images = release("cilium", version, "Cilium").path("images");
        return new CiliumRelease(version, image(images.path("agent")), image(images.path("operator")), image(images.path("envoy")),
                image(images.path("hubbleRelay")), image(images.path("certgen")));
    }

    public TailscaleRelease tailscaleOperator(String version) {
        JsonNode release = release("tailscaleOperator", version, "the Tailscale operator");
        List<CatalogFile> crds = new ArrayList<>();
        release.path("crds").forEach(f -> crds.add(new CatalogFile(f.path("name").asString(), f.path("url").asString(),
                f.path("sha256").asString(), f.path("size").asLong())));
        return new TailscaleRelease(version, image(release.path("images").path("operator")), image(release.path("images").path("proxy")), crds);
    }

    /** The CCM image whose minor matches the cluster's Kubernetes minor. */
    public ImageRef ociCcm(String kubernetesVersion) {
        String minor = minor(kubernetesVersion);
        JsonNode entry = root.path("ociCcm").path(minor);
        if (entry.isMissingNode()) {
            throw new CatalogException("the version catalog has no OCI cloud-controller-manager for Kubernetes " + minor
                    + " (the CCM minor must match the Kubernetes minor); known: " + known(root.path("ociCcm")));
        }
        return image(entry.path("image"));
    }

    public ImageRef alloy() {
        return image(root.path("alloy").path("image"));
    }

    /** Every image the catalog pins, for checks over all of them. */
    public List<ImageRef> allImages() {
        List<ImageRef> images = new ArrayList<>();
        collectImages(root, images);
        return images;
    }

    private static void collectImages(JsonNode node, List<ImageRef> into) {
        if (node.isObject()) {
            if (node.has("repository") && node.has("tag")) {
                into.add(image(node));
                return;
            }
            node.values().forEach(child -> collectImages(child, into));
        }
    }

    private JsonNode release(String section, String version, String what) {
        JsonNode entry = root.path(section).path(version);
        if (entry.isMissingNode()) {
            throw new CatalogException("the version catalog has no " + what + " " + version + "; known versions: "
                    + known(root.path(section)) + " (set versions in cluster.yaml to one of them)");
        }
        return entry;
    }

    private static String known(JsonNode section) {
        List<String> names = new ArrayList<>();
        section.propertyNames().forEach(n -> {
            if (!n.startsWith("_")) {
                names.add(n);
            }
        });
        return String.join(", ", names);
    }

    private static ImageRef image(JsonNode node) {
        if (node.isMissingNode()) {
            throw new IllegalStateException("the bundled version catalog lacks an image entry");
        }
        List<String> platforms = new ArrayList<>();
        node.path("platforms").forEach(p -> platforms.add(p.asString()));
        JsonNode digest = node.path("digest");
        String source = node.path("source").asString("");
        if (source.isBlank()) {
            throw new IllegalStateException("the bundled version catalog pins " + node.path("repository").asString()
                    + " without a source for its tag and digest");
        }
        return new ImageRef(node.path("repository").asString(), node.path("tag").asString(),
                digest.isMissingNode() ? null : digest.asString(), platforms, source);
    }

    private static String minor(String version) {
        String[] parts = version.replaceFirst("^v", "").split("\\.");
        return parts.length >= 2 ? parts[0] + "." + parts[1] : version;
    }

    private static VersionCatalog read() {
        try (InputStream in = VersionCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the bundled version catalog " + RESOURCE + " is missing from the classpath");
            }
            return new VersionCatalog(JsonReader.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
