package dev.clusterspec.load.manifests;

import java.util.List;

/**
 * One YAML file of the manifests folder, read and checked.
 *
 * @param path      the file relative to the spec's folder, with '/' (e.g. {@code manifests/web.yaml}):
 *                  how the repo and the report name it, the same on every machine
 * @param component the manifest-repo component it becomes ({@code user-web})
 * @param objects   its Kubernetes objects in file order
 */
public record UserManifestFile(String path, String component, List<UserObject> objects) {

    public UserManifestFile {
        objects = List.copyOf(objects);
    }

    /** The objects as kubectl names them, in file order. */
    public List<String> objectNames() {
        return objects.stream().map(o -> o.key().toString()).toList();
    }
}
