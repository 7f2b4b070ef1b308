package dev.clusterspec.emit.usermanifests;

import dev.clusterspec.emit.manifests.Component;
import dev.clusterspec.emit.manifests.ComponentInputs;
import dev.clusterspec.emit.manifests.KubeDocuments;
import dev.clusterspec.emit.manifests.ManifestComponent;
import dev.clusterspec.load.manifests.UserManifestFile;
import dev.clusterspec.load.manifests.UserManifests;
import dev.clusterspec.load.manifests.UserObject;
import java.util.ArrayList;
import java.util.List;

/**
 * The user's own manifests ({@code manifests.folder}): each YAML file of the folder is a folder of the
 * manifest repo of its own, {@code 90-user-<file name>}, content-addressed and fetched by Talos like
 * the generated ones. The objects are written again in the generator's canonical YAML, so that what
 * Talos (a YAML 1.1 reader) applies is what was checked (YAML 1.2): {@code on} stays a text.
 */
public final class UserManifestsComponent implements Component {

    @Override
    public String name() {
        return UserManifests.COMPONENT_PREFIX + "manifests";
    }

    /** After everything generated, so that they can use its namespaces, CRDs and policies. */
    @Override
    public int order() {
        return 90;
    }

    /** One folder per file, in file-name order. */
    @Override
    public List<ManifestComponent> manifests(ComponentInputs inputs) {
        List<ManifestComponent> out = new ArrayList<>();
        for (UserManifestFile file : inputs.plan().userManifests().files()) {
            String yaml = KubeDocuments.file(file.path() + " from the manifests folder beside cluster.yaml; edit it there",
                    file.objects().stream().map(UserObject::tree).toList());
            out.add(new ManifestComponent(file.component(), order(), yaml));
        }
        return out;
    }

    /** Whether a manifest-repo path (e.g. {@code 90-user-web/0123456789ab.yaml}) belongs to a user's file. */
    public static boolean isUserFile(String repoPath) {
        return repoPath.startsWith(new UserManifestsComponent().order() + "-" + UserManifests.COMPONENT_PREFIX);
    }
}
