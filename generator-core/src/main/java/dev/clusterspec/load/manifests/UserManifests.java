package dev.clusterspec.load.manifests;

import dev.clusterspec.load.SpecProblemsException;
import dev.clusterspec.connectivity.KubeObject;
import dev.clusterspec.load.LoadedSpec;
import dev.clusterspec.load.Reading;
import dev.clusterspec.spec.ClusterSpec;
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

/**
 * The user's own manifests ({@code manifests.folder}), read and checked: each YAML file of the folder
 * with its objects and where each one is written.
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

    /**
     * The manifests of a validated spec ({@code source} empty for a spec built in code); any error in
     * the folder or its files stops with every problem found.
     */
    public static UserManifests of(ClusterSpec spec, Optional<LoadedSpec> source) {
        Optional<String> folder = spec.manifests().folderIfAny();
        if (folder.isEmpty()) {
            return NONE;
        }
        if (source.isEmpty()) {
            throw new IllegalArgumentException("manifests.folder needs the spec's folder, and a spec built in code has none");
        }
        Reading<UserManifests> reading = read(source.get());
        if (reading.hasErrors()) {
            throw new SpecProblemsException(reading.problems());
        }
        return reading.value();
    }

    /** The manifests as read, and what is wrong with the folder and its files (errors and warnings). */
    public static Reading<UserManifests> read(LoadedSpec loaded) {
        Optional<String> folder = loaded.spec().manifests().folderIfAny();
        if (folder.isEmpty()) {
            return new Reading<>(NONE, List.of());
        }
        UserManifestReader reader = new UserManifestReader(loaded);
        List<UserManifestFile> files = reader.read(folder.get());
        return new Reading<>(new UserManifests(files), reader.problems());
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

    public List<UserManifestFile> files() {
        return files;
    }

    public boolean isEmpty() {
        return files.isEmpty();
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
