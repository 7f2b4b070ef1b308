package dev.clusterspec.load.manifests;

import dev.clusterspec.load.Diagnostic;
import dev.clusterspec.load.Diagnostic.Severity;
import dev.clusterspec.load.SpecProblemsException;
import dev.clusterspec.connectivity.KubeObject;
import dev.clusterspec.Yaml;
import dev.clusterspec.emit.manifests.ApplyOrder;
import dev.clusterspec.emit.manifests.KubeDocuments;
import dev.clusterspec.emit.manifests.ManifestComponent;
import dev.clusterspec.load.LoadedSpec;
import dev.clusterspec.plan.ClusterPlan;
import dev.clusterspec.spec.SpecFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * The user's own manifests ({@code manifests.folder}): each YAML file of the folder is a component of
 * the manifest repo of its own, {@code 90-user-<file name>}, content-addressed and fetched by Talos
 * like the generated ones. The objects are written again in the generator's canonical YAML, so that
 * what Talos (a YAML 1.1 reader) applies is what was checked here (YAML 1.2): {@code on} stays a text.
 */
public final class UserManifests {

    /** Keeps the users' component names apart from the generated ones. */
    public static final String COMPONENT_PREFIX = "user-";

    private static final UserManifests NONE = new UserManifests(List.of());

    private final List<UserManifestFile> files;

    private UserManifests(List<UserManifestFile> files) {
        this.files = List.copyOf(files);
    }

    /** No user manifests: a spec without {@code manifests.folder}. */
    public static UserManifests none() {
        return NONE;
    }

    /** The manifests of a planned cluster; any error in the folder or its files stops with every problem found. */
    public static UserManifests of(ClusterPlan plan) {
        Optional<String> folder = plan.spec().manifests().folderIfAny();
        if (folder.isEmpty()) {
            return NONE;
        }
        if (plan.source().isEmpty()) {
            throw new IllegalArgumentException("manifests.folder needs the spec's folder, and a spec built in code has none");
        }
        UserManifestReader reader = new UserManifestReader(plan.source().get());
        List<UserManifestFile> files = reader.read(folder.get());
        if (reader.problems().stream().anyMatch(Diagnostic::isError)) {
            throw new SpecProblemsException(reader.problems());
        }
        return new UserManifests(files);
    }

    /** What is wrong with the folder and its files (errors and warnings), for validation. */
    public static List<Diagnostic> problems(LoadedSpec loaded) {
        Optional<String> folder = loaded.spec().manifests().folderIfAny();
        if (folder.isEmpty()) {
            return List.of();
        }
        UserManifestReader reader = new UserManifestReader(loaded);
        reader.read(folder.get());
        return List.copyOf(reader.problems());
    }

    /**
     * The YAML files of the folder by their path relative to the spec's folder, for the input
     * fingerprint: editing, adding or removing one must regenerate. Problems are validation's to report.
     */
    public static Map<String, Path> inputFiles(LoadedSpec loaded) {
        Map<String, Path> out = new HashMap<>();
        Optional<String> folder = loaded.spec().manifests().folderIfAny();
        if (folder.isEmpty()) {
            return out;
        }
        SpecFolder specFolder = SpecFolder.of(loaded.file());
        try (Stream<Path> list = Files.list(specFolder.resolve(folder.get()))) {
            list.filter(Files::isRegularFile).filter(f -> {
                String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
                return name.endsWith(".yaml") || name.endsWith(".yml");
            }).forEach(f -> out.put(specFolder.root().relativize(f).toString().replace('\\', '/'), f));
        } catch (SpecFolder.OutsideException | IOException e) {
            // validation reports what is wrong with the folder
        }
        return out;
    }

    /** Whether a manifest-repo path (e.g. {@code 90-user-web/0123456789ab.yaml}) belongs to a user component. */
    public static boolean isUserFile(String repoPath) {
        return repoPath.startsWith(ApplyOrder.USER_MANIFESTS + "-" + COMPONENT_PREFIX);
    }

    public List<UserManifestFile> files() {
        return files;
    }

    public boolean isEmpty() {
        return files.isEmpty();
    }

    /** One component per file, in file-name order. */
    public List<ManifestComponent> components() {
        List<ManifestComponent> out = new ArrayList<>();
        for (UserManifestFile file : files) {
            String yaml = KubeDocuments.file(file.path() + " from the manifests folder beside cluster.yaml; edit it there",
                    file.objects().stream().map(UserObject::tree).toList());
            out.add(new ManifestComponent(file.component(), ApplyOrder.USER_MANIFESTS, yaml));
        }
        return out;
    }

    /**
     * Every user object that clusterspec generates too, located in the user's file. Talos creates an
     * object only when it is missing, so one of the two would be silently dropped at boot.
     */
    public List<Diagnostic> clashesWith(List<ManifestComponent> generated) {
        Map<ObjectKey, String> ours = new HashMap<>();
        for (ManifestComponent component : generated) {
            for (JsonNode object : Yaml.readAll(component.yaml())) {
                ours.putIfAbsent(ObjectKey.of(object), component.name());
            }
        }
        List<Diagnostic> out = new ArrayList<>();
        for (UserManifestFile file : files) {
            for (UserObject object : file.objects()) {
                String component = ours.get(object.key());
                if (component != null) {
                    out.add(object.at(Severity.ERROR, "", object.key() + " is generated by clusterspec already (component " + component
                            + "); Talos would keep only one of the two. Remove it from the manifests folder, or change the spec"
                            + " where the generated one comes from"));
                }
            }
        }
        return out;
    }

    /** The objects for the connectivity analysis, each named by its file. */
    public List<KubeObject> connectivityObjects() {
        List<KubeObject> out = new ArrayList<>();
        for (UserManifestFile file : files) {
            file.objects().forEach(o -> out.add(KubeObject.of(file.path(), o.tree())));
        }
        return out;
    }
}
