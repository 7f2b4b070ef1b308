package dev.clusterspec.emit.talos;

import dev.clusterspec.Examples;
import dev.clusterspec.check.SpecValidator;
import dev.clusterspec.emit.OutputFile;
import dev.clusterspec.emit.manifests.InlineManifest;
import dev.clusterspec.emit.manifests.ManifestRef;
import dev.clusterspec.emit.manifests.ManifestRepoContent;
import dev.clusterspec.load.bundle.SecretsBundle;
import dev.clusterspec.load.bundle.SecretsBundleReader;
import dev.clusterspec.load.LoadedSpec;
import dev.clusterspec.load.SpecLoader;
import dev.clusterspec.plan.ClusterPlan;
import dev.clusterspec.load.SecretResolver;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Inputs for the Talos emitter tests: the example specs, Talos's public test secrets bundle (so no
 * key generation runs), a small manifest repo in the shape the manifest-repo emitter hands over,
 * and Secret objects for the control planes.
 */
public final class TalosFixtures {

    static final List<String> EXAMPLES = Examples.ALL;

    /** Inside the validity of the reference bundle's OS CA (2023-10-12 to 2033-10-09). */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-09-01T00:00:00Z"), ZoneOffset.UTC);

    private TalosFixtures() {}

    static Path referenceBundleFile() {
        return Examples.reference().resolve("talos/stability/secrets.yaml");
    }

    static SecretsBundle referenceBundle() {
        return SecretsBundleReader.read(referenceBundleFile());
    }

    public static LoadedSpec example(String name) {
        return new SpecValidator().validate(Examples.spec(name)).loaded();
    }

    /** A spec under src/test/resources/talos/specs, checked by the schema only (see the files). */
    static LoadedSpec testSpec(String file) {
        return new SpecLoader().load(testSpecPath(file));
    }

    static LoadedSpec validatedTestSpec(String file) {
        return new SpecValidator().validate(testSpecPath(file)).loaded();
    }

    static Path testSpecPath(String file) {
        try {
            return Path.of(TalosFixtures.class.getResource("/talos/specs/" + file).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<OutputFile> emit(LoadedSpec loaded) {
        ClusterPlan plan = ClusterPlan.of(loaded);
        SecretResolver secrets = SecretResolver.forSpec(loaded.file());
        return new TalosEmitter(CLOCK).emit(plan, referenceBundle(), manifests(plan), secretManifests(plan, secrets), secrets);
    }

    public static Map<String, OutputFile> emitByPath(LoadedSpec loaded) {
        Map<String, OutputFile> out = new TreeMap<>();
        emit(loaded).forEach(f -> out.put(f.path(), f));
        return out;
    }

    /**
     * A manifest repo as the manifest-repo emitter hands it over: Cilium inline (the CNI must not wait
     * for Git), later components as content-addressed URLs when the spec has a manifest repo.
     */
    static ManifestRepoContent manifests(ClusterPlan plan) {
        String cilium = """
                apiVersion: v1
                kind: ServiceAccount
                metadata:
                  name: cilium
                  namespace: kube-system
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: cilium-config
                  namespace: kube-system
                data:
                  kube-proxy-replacement: "true"
                  k8s-service-host: localhost
                  k8s-service-port: "7445"
                """;
        List<OutputFile> files = new ArrayList<>();
        List<ManifestRef> refs = new ArrayList<>();
        if (plan.manifestRepo().isPresent()) {
            addFile(plan, files, refs, "cilium-policies", """
                    apiVersion: cilium.io/v2alpha1
                    kind: CiliumL2AnnouncementPolicy
                    metadata:
                      name: l2
                    spec:
                      loadBalancerIPs: true
                    """);
            addFile(plan, files, refs, "namespaces", """
                    apiVersion: v1
                    kind: Namespace
                    metadata:
                      name: web
                    """);
        }
        return new ManifestRepoContent(files, refs, List.of(new InlineManifest("cilium", cilium, false)));
    }

    private static void addFile(ClusterPlan plan, List<OutputFile> files, List<ManifestRef> refs, String component, String yaml) {
        String sha = sha256(yaml);
        String path = component + "/" + sha.substring(0, 16) + ".yaml";
        files.add(OutputFile.text(path, yaml));
        refs.add(new ManifestRef(component, path, plan.manifestUrl(path).orElseThrow(), sha, yaml.length()));
    }

    /** The Tailscale operator's OAuth Secret, when the spec turns the operator on. */
    static List<InlineManifest> secretManifests(ClusterPlan plan, SecretResolver secrets) {
        var tailscale = plan.spec().addons().tailscale();
        if (!tailscale.enabled()) {
            return List.of();
        }
        String secret = """
                apiVersion: v1
                kind: Secret
                metadata:
                  name: operator-oauth
                  namespace: tailscale
                stringData:
                  client_id: %s
                  client_secret: %s
                """.formatted(secrets.resolve(tailscale.oauth().clientId()), secrets.resolve(tailscale.oauth().clientSecret()));
        return List.of(new InlineManifest("tailscale-operator-oauth", secret, true));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
