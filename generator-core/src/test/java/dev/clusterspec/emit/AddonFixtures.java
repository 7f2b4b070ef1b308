package dev.clusterspec.emit;

import dev.clusterspec.Examples;
import dev.clusterspec.check.SpecValidator;
import dev.clusterspec.emit.catalog.LocalMirrorSource;
import dev.clusterspec.emit.catalog.VersionCatalog;
import dev.clusterspec.verify.KubeSchemaValidator;
import dev.clusterspec.emit.manifests.Component;
import dev.clusterspec.emit.manifests.ComponentInputs;
import dev.clusterspec.emit.manifests.ManifestComponent;
import dev.clusterspec.emit.manifests.ManifestRepoContent;
import dev.clusterspec.emit.manifests.ManifestRepoEmitter;
import dev.clusterspec.generate.Components;
import dev.clusterspec.plan.firewall.FirewallPlan;
import java.util.List;
import java.util.Optional;
import dev.clusterspec.plan.ClusterPlan;
import dev.clusterspec.load.SecretResolver;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Shared test inputs of the add-on emitters: the example plans, the emitter wired to the reference
 * copies of the Tailscale CRDs (no network in tests), and one schema validator (loading the large
 * workload schemas once keeps the tests fast).
 */
public final class AddonFixtures {

    public static final String FREE_TIER = "oci-free-tier";
    public static final String MINIMAL = "minimal";
    public static final String DIRECT = "oci-direct";

    private static final Map<String, ClusterPlan> PLANS = new ConcurrentHashMap<>();
    private static volatile KubeSchemaValidator validator;

    private AddonFixtures() {}

    public static ClusterPlan plan(String example) {
        return PLANS.computeIfAbsent(example, name -> ClusterPlan.of(new SpecValidator().validate(Examples.spec(name)).loaded()));
    }

    /** A test spec under src/test/resources/dev/clusterspec/emit/specs/. */
    public static Path testSpec(String name) {
        return Path.of("src/test/resources/dev/clusterspec/emit/specs", name + ".yaml").toAbsolutePath();
    }

    public static ClusterPlan testPlan(String name) {
        return PLANS.computeIfAbsent("test:" + name, n -> ClusterPlan.of(new SpecValidator().validate(testSpec(name)).loaded()));
    }

    /** Values for the ${env:...} references of the test specs (made-up, shaped like the real thing). */
    public static SecretResolver testSecrets(String name) {
        Map<String, String> env = Map.of(
                "OCI_TENANCY", "ocid1.tenancy.oc1..aaaaexampletenancy",
                "OCI_USER", "ocid1.user.oc1..aaaaexampleuser",
                "OCI_FINGERPRINT", "12:34:56:78:9a:bc:de:f0:12:34:56:78:9a:bc:de:f0",
                "OCI_PRIVATE_KEY", "-----BEGIN PRIVATE KEY-----\nTUlJRXZRSUJBREFOQmdrcWhraUc5dzBCQVFFRkFBU0NCS2N3Z2dTakFnRUFBb0lCQVFD\n-----END PRIVATE KEY-----\n");
        return new SecretResolver(testSpec(name).getParent(), env::get);
    }

    public static Path tailscaleCrdMirror() {
        return Examples.reference().resolve("tailscale/crds");
    }

    /** What components render from for this plan, with the Tailscale CRDs copied from the reference files. */
    public static ComponentInputs inputs(ClusterPlan plan) {
        return new ComponentInputs(plan, FirewallPlan.of(plan), VersionCatalog.bundled(),
                Optional.of(new LocalMirrorSource(tailscaleCrdMirror())));
    }

    /** The manifest repo of every component, as generate assembles it. */
    public static ManifestRepoContent repo(ClusterPlan plan) {
        return ManifestRepoEmitter.emit(Components.ALL, inputs(plan));
    }

    /** The YAML of a component with one folder; empty when the spec leaves it off. */
    public static Optional<String> folder(Component component, ClusterPlan plan) {
        List<ManifestComponent> folders = component.manifests(inputs(plan));
        if (folders.size() > 1) {
            throw new IllegalStateException(component.name() + " rendered " + folders.size() + " folders");
        }
        return folders.stream().findFirst().map(ManifestComponent::yaml);
    }

    /** The one element of a list, failing the test when there are none or more. */
    public static <T> T single(List<T> list) {
        if (list.size() != 1) {
            throw new AssertionError("expected exactly one element, got " + list);
        }
        return list.get(0);
    }

    /** Resolves the example's demo secret files, as the plugin does for a real project. */
    public static SecretResolver secrets(String example) {
        return new SecretResolver(Examples.spec(example).getParent(), name -> null);
    }

    public static KubeSchemaValidator schemas() {
        if (validator == null) {
            synchronized (AddonFixtures.class) {
                if (validator == null) {
                    Path root = Examples.reference().resolve("k8s-schemas");
                    validator = new KubeSchemaValidator(root.resolve("v1.31.14-standalone-strict"), root.resolve("crds"));
                }
            }
        }
        return validator;
    }
}
