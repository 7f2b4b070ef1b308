package dev.clusterspec.load.manifests;

import dev.clusterspec.load.Diagnostic;
import dev.clusterspec.load.Diagnostic.Severity;
import dev.clusterspec.load.LoadedSpec;
import dev.clusterspec.load.SafeYamlReader;
import dev.clusterspec.load.SourceMap;
import dev.clusterspec.yaml.YamlLimits;
import dev.clusterspec.spec.SpecFolder;
import dev.clusterspec.secretscan.SecretFinding;
import dev.clusterspec.secretscan.SecretScanner;
import dev.clusterspec.yaml.Position;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads {@code manifests.folder}: the YAML files directly in it, in file-name order, each checked on
 * its own (YAML, one Kubernetes object per document, no secret) and all together (one object once,
 * one component name once). Every problem becomes a diagnostic at its place, in the spec for the
 * folder, in the file for its content, so that validation reports them all at once.
 */
final class UserManifestReader {

    /** Manifest files are read with the spec's limits: 4 MB is far above what etcd takes per object. */
    private static final YamlLimits LIMITS = SafeYamlReader.SPEC_LIMITS;
    private static final String FOLDER_POINTER = "/manifests/folder";
    /** {@code user-} and at most 37 characters: the manifest repo's component names have at most 42. */
    private static final int MAX_NAME = 37;

    private final LoadedSpec spec;
    private final List<Diagnostic> problems = new ArrayList<>();
    private final SecretScanner scanner = new SecretScanner();

    UserManifestReader(LoadedSpec spec) {
        this.spec = spec;
    }

    List<Diagnostic> problems() {
        return problems;
    }

    /** The folder's files that could be read and hold objects; problems are recorded, not thrown. */
    List<UserManifestFile> read(String folder) {
        SpecFolder specFolder = SpecFolder.of(spec.file());
        Optional<Path> dir = directory(specFolder, folder);
        if (dir.isEmpty()) {
            return List.of();
        }
        List<UserManifestFile> files = new ArrayList<>();
        Map<String, String> components = new HashMap<>();
        Map<ObjectKey, UserObject> objects = new HashMap<>();
        for (Path entry : entries(dir.get())) {
            String name = entry.getFileName().toString();
            String relative = specFolder.root().relativize(dir.get().resolve(name)).toString().replace('\\', '/');
            if (Files.isDirectory(entry)) {
                spec(Severity.WARNING, "manifests folder: " + relative + "/ is a subfolder and is not read; only the files directly in "
                        + folder + " are. Move its files up if they are meant for the cluster");
                continue;
            }
            if (!isYaml(name)) {
                continue;
            }
            Optional<String> component = componentName(name, relative);
            if (component.isEmpty()) {
                continue;
            }
            String other = components.putIfAbsent(component.get(), relative);
            if (other != null) {
                file(relative, 1, 1, "gives the manifest-repo component name " + component.get() + ", as " + other
                        + " does; rename one of the files");
                continue;
            }
            readFile(specFolder, relative, component.get()).ifPresent(file -> {
                if (unique(file, objects)) {
                    files.add(file);
                }
            });
        }
        return files;
    }

    /** The folder, confined to the spec's folder; empty (with a problem) when it cannot be used. */
    private Optional<Path> directory(SpecFolder specFolder, String folder) {
        try {
            Path resolved = specFolder.resolve(folder);
            Path real = specFolder.real(resolved);
            if (!Files.isDirectory(real)) {
                spec(Severity.ERROR, "manifests folder: '" + folder + "' is a file, not a folder");
                return Optional.empty();
            }
            return Optional.of(resolved);
        } catch (SpecFolder.OutsideException e) {
            spec(Severity.ERROR, "manifests folder: " + e.getMessage());
        } catch (NoSuchFileException e) {
            spec(Severity.ERROR, "manifests folder: there is no folder '" + folder + "' beside the spec; create it or fix the path");
        } catch (IOException e) {
            spec(Severity.ERROR, "manifests folder: cannot read '" + folder + "': " + e.getMessage());
        }
        return Optional.empty();
    }

    /** The folder's entries sorted by name, so the components come out in the same order everywhere. */
    private List<Path> entries(Path dir) {
        try (Stream<Path> list = Files.list(dir)) {
            return list.sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString())).toList();
        } catch (IOException e) {
            spec(Severity.ERROR, "manifests folder: cannot list it: " + e.getMessage());
            return List.of();
        }
    }

    private static boolean isYaml(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".yaml") || lower.endsWith(".yml");
    }

    /**
     * {@code user-<file name>}: the name without its extension, lower case, every run of other
     * characters than letters and digits made one '-'. The prefix keeps it apart from the generated
     * components' names.
     */
    private Optional<String> componentName(String fileName, String relative) {
        String base = fileName.substring(0, fileName.lastIndexOf('.'));
        String name = base.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (name.isEmpty()) {
            file(relative, 1, 1, "the file name has no letter or digit to name its manifest-repo component by; rename the file");
            return Optional.empty();
        }
        if (name.length() > MAX_NAME) {
            file(relative, 1, 1, "the file name makes the manifest-repo component name user-" + name + ", longer than the 42"
                    + " characters a component name may have; shorten the file name to at most " + MAX_NAME + " letters and digits");
            return Optional.empty();
        }
        return Optional.of(UserManifests.COMPONENT_PREFIX + name);
    }

    private Optional<UserManifestFile> readFile(SpecFolder specFolder, String relative, String component) {
        byte[] bytes;
        try {
            bytes = specFolder.read(relative, LIMITS.maxBytes());
        } catch (SpecFolder.OutsideException e) {
            spec(Severity.ERROR, "manifests folder: " + e.getMessage());
            return Optional.empty();
        }
        String shown = shown(relative);
        Optional<List<SafeYamlReader.Document>> read = new SafeYamlReader(LIMITS).readAll(shown, bytes, problems);
        if (read.isEmpty()) {
            return Optional.empty();
        }
        List<SafeYamlReader.Document> documents = read.get();
        // the repo is pushed to Git: a secret stops the build here, at its line in the user's file
        List<SecretFinding> secrets = scanner.scanFile(relative, bytes);
        for (SecretFinding finding : secrets) {
            file(relative, finding.line(), 1, finding.what() + ": the manifest repo is pushed to Git and must never hold a secret."
                    + " Keep Secrets and credentials out of the manifests folder and create them in the cluster another way"
                    + " (kubectl, a secrets operator)");
        }
        int before = problems.size();
        List<UserObject> objects = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            object(documents.get(i), i + 1).ifPresent(objects::add);
        }
        if (!secrets.isEmpty() || problems.size() > before) {
            return Optional.empty();
        }
        if (objects.isEmpty()) {
            file(relative, 1, 1, Severity.WARNING, "holds no Kubernetes object; it adds nothing to the manifest repo");
            return Optional.empty();
        }
        return Optional.of(new UserManifestFile(relative, component, objects));
    }

    /** A document as a Kubernetes object Talos can create: a mapping with apiVersion, kind and metadata.name. */
    private Optional<UserObject> object(SafeYamlReader.Document document, int number) {
        JsonNode root = document.root();
        if (root.isNull()) {
            return Optional.empty(); // an empty document, as a trailing '---' makes
        }
        SourceMap map = document.sourceMap();
        if (!(root instanceof ObjectNode tree)) {
            at(map, "", "document " + number + " is a " + (root.isArray() ? "list" : "single value")
                    + ", not a Kubernetes object (a mapping with apiVersion, kind and metadata)");
            return Optional.empty();
        }
        UserObject object = new UserObject(tree, map, ObjectKey.of(tree));
        int before = problems.size();
        requireText(object, number, "/apiVersion", "apiVersion", "e.g. apiVersion: v1");
        requireText(object, number, "/kind", "kind", "e.g. kind: ConfigMap");
        if (!tree.path("metadata").isObject()) {
            at(map, "", "document " + number + " has no metadata; Talos creates an object only by its metadata.name");
        } else {
            requireText(object, number, "/metadata/name", "metadata.name",
                    "Talos creates an object only when none of that name exists, so generateName cannot work");
            JsonNode namespace = tree.path("metadata").path("namespace");
            if (!namespace.isMissingNode() && !(namespace.isString() && !namespace.stringValue().isBlank())) {
                at(map, "/metadata/namespace", "document " + number + ": metadata.namespace must be a namespace name");
            }
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        if (tree.path("items").isArray() && object.key().kind().endsWith("List")) {
            at(map, "/kind", "document " + number + " is a " + object.key().kind() + "; Talos does not unpack lists:"
                    + " write each item as a document of its own (separated by ---)");
            return Optional.empty();
        }
        return Optional.of(object);
    }

    private void requireText(UserObject object, int number, String pointer, String field, String hint) {
        JsonNode value = object.tree().at(pointer);
        if (!value.isString() || value.stringValue().isBlank()) {
            String what = value.isMissingNode() ? "has no " + field : "has a " + field + " that is not a text";
            at(object.sourceMap(), value.isMissingNode() ? parent(pointer) : pointer, "document " + number + " " + what + " (" + hint + ")");
        }
    }

    private static String parent(String pointer) {
        return pointer.substring(0, pointer.lastIndexOf('/'));
    }

    /** Each object once across the folder: Talos would create the first and silently skip the other. */
    private boolean unique(UserManifestFile file, Map<ObjectKey, UserObject> seen) {
        boolean unique = true;
        for (UserObject object : file.objects()) {
            UserObject first = seen.putIfAbsent(object.key(), object);
            if (first != null) {
                problems.add(object.at(Severity.ERROR, "", object.key() + " is also defined at " + first.place()
                        + "; a cluster holds one object per kind, namespace and name, and Talos would create only the first."
                        + " Remove or rename one"));
                unique = false;
            }
        }
        return unique;
    }

    /** The file as diagnostics name it: beside the spec, as the spec's own path was given. */
    private String shown(String relative) {
        return spec.file().resolveSibling(relative).normalize().toString();
    }

    private void at(SourceMap map, String pointer, String message) {
        Position p = map.valueAt(pointer);
        problems.add(new Diagnostic(Severity.ERROR, map.file(), p.line(), p.column(), pointer, message));
    }

    private void file(String relative, int line, int column, String message) {
        file(relative, line, column, Severity.ERROR, message);
    }

    private void file(String relative, int line, int column, Severity severity, String message) {
        problems.add(new Diagnostic(severity, shown(relative), line, column, "", message));
    }

    private void spec(Severity severity, String message) {
        Position p = spec.sourceMap().valueAt(FOLDER_POINTER);
        problems.add(new Diagnostic(severity, spec.sourceMap().file(), p.line(), p.column(), FOLDER_POINTER, message));
    }
}
