package dev.clusterspec.verify;

import dev.clusterspec.load.Diagnostic;
import dev.clusterspec.load.SpecProblemsException;
import dev.clusterspec.emit.OutputFile;
import dev.clusterspec.yaml.Yaml;
import dev.clusterspec.emit.manifests.ManifestRepoEmitter;
import dev.clusterspec.emit.usermanifests.UserManifestsComponent;
import dev.clusterspec.load.manifests.UserManifests;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * Checks generated documents against upstream schemas at run time, when the user points
 * {@code cluster.schemas} at a folder laid out like the project's reference data:
 * {@code k8s-schemas/<version>-standalone-strict/}, {@code k8s-schemas/crds/} and
 * {@code talos/config.schema.json}. A document that does not match stops the run before anything is
 * written.
 */
public final class OutputSchemaCheck {

    private static final int SHOWN = 20;

    private OutputSchemaCheck() {}

    /**
     * The user's own manifests against the Kubernetes schemas, each problem at its place in the user's
     * file; errors stop the run, warnings (custom kinds without a schema) are returned.
     */
    public static List<Diagnostic> verifyUserManifests(Path schemas, UserManifests manifests) {
        if (manifests.isEmpty()) {
            return List.of();
        }
        List<Diagnostic> findings = UserManifestSchemaCheck.check(manifests, kubernetes(schemas));
        if (findings.stream().anyMatch(Diagnostic::isError)) {
            throw new SpecProblemsException(findings);
        }
        return findings;
    }

    /** Every generated document; the user's components are left to {@link #verifyUserManifests}, which can say where. */
    public static void verify(Path schemas, List<OutputFile> files) {
        KubeSchemaValidator kube = kubernetes(schemas);
        Path talosSchema = schemas.resolve("talos/config.schema.json");
        TalosSchemaValidator talos = Files.isRegularFile(talosSchema) ? TalosSchemaValidator.load(talosSchema) : null;
        List<String> problems = new ArrayList<>();
        for (OutputFile file : files) {
            if (file.path().startsWith("manifest-repo/") && file.path().endsWith(".yaml")
                    && !file.path().endsWith("/" + ManifestRepoEmitter.INDEX)
                    && !UserManifestsComponent.isUserFile(file.path().substring("manifest-repo/".length()))) {
                for (JsonNode object : Yaml.readAll(file.text())) {
                    if (!KubeSchemaValidator.isCustomResourceDefinition(object)) {
                        kube.validate(object).forEach(p -> problems.add(file.path() + ": " + p));
                    }
                }
            } else if (talos != null && file.path().startsWith("talos/") && file.path().endsWith(".yaml")) {
                talos.validate(file.text()).forEach(p -> problems.add(file.path() + ": " + p));
            }
        }
        if (!problems.isEmpty()) {
            throw new VerificationException(problems.size() + " generated document(s) do not match the schemas in " + schemas
                    + " (nothing was written):\n  " + String.join("\n  ", problems.subList(0, Math.min(SHOWN, problems.size())))
                    + (problems.size() > SHOWN ? "\n  ... and " + (problems.size() - SHOWN) + " more" : ""));
        }
    }

    private static KubeSchemaValidator kubernetes(Path schemas) {
        return new KubeSchemaValidator(kubernetesFolder(schemas), schemas.resolve("k8s-schemas/crds"));
    }

    private static Path kubernetesFolder(Path schemas) {
        try (Stream<Path> folders = Files.list(schemas.resolve("k8s-schemas"))) {
            return folders.filter(f -> f.getFileName().toString().endsWith("-standalone-strict")).sorted().findFirst()
                    .orElseThrow(() -> new VerificationException("cluster.schemas: no k8s-schemas/<version>-standalone-strict folder in " + schemas));
        } catch (IOException e) {
            throw new UncheckedIOException("cluster.schemas: cannot read " + schemas.resolve("k8s-schemas"), e);
        }
    }
}
