package dev.clusterspec.verify;

import dev.clusterspec.load.Diagnostic;
import dev.clusterspec.load.Diagnostic.Severity;
import dev.clusterspec.load.manifests.UserManifestFile;
import dev.clusterspec.load.manifests.UserManifests;
import dev.clusterspec.load.manifests.UserObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The user's objects against the Kubernetes schemas, each violation at its line in the user's file.
 * Kubernetes' own kinds must all find a schema: none means a mistyped or removed apiVersion or kind,
 * which Talos would fail to create at every boot. A custom kind (a CRD, or a resource of one) is
 * checked when its schema is in the CRD folder and otherwise only warned about, once per file and
 * kind: which CRDs a cluster has is the user's choice, and the API server checks them at apply.
 */
public final class UserManifestSchemaCheck {

    private UserManifestSchemaCheck() {}

    /** Errors and warnings, in file order. */
    public static List<Diagnostic> check(UserManifests manifests, KubeSchemaValidator validator) {
        List<Diagnostic> out = new ArrayList<>();
        for (UserManifestFile file : manifests.files()) {
            Map<String, UserObject> unchecked = new LinkedHashMap<>();
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (UserObject object : file.objects()) {
                String type = object.tree().path("apiVersion").asString() + " " + object.tree().path("kind").asString();
                if (validator.schemaFileIfAny(object.tree()).isEmpty()) {
                    if (KubeSchemaValidator.isCustomKind(object.tree())) {
                        unchecked.putIfAbsent(type, object);
                        counts.merge(type, 1, Integer::sum);
                    } else {
                        out.add(object.at(Severity.ERROR, "/kind", "no Kubernetes schema for " + type + ": not a kind of this Kubernetes"
                                + " version (a typo in apiVersion or kind, or an API that was removed?)"));
                    }
                    continue;
                }
                for (KubeSchemaValidator.Violation v : validator.violations(object.tree())) {
                    out.add(object.at(Severity.ERROR, v.pointer(), object.key() + ": " + (v.pointer().isEmpty() ? "" : v.pointer() + ": ")
                            + v.message()));
                }
            }
            unchecked.forEach((type, first) -> out.add(first.at(Severity.WARNING, "/kind", counts.get(type) + " object(s) of " + type
                    + " not schema-checked: the schema folder has no schema for this custom kind (add <group>/<kind>_<version>.json"
                    + " to its CRD folder to check them)")));
        }
        return out;
    }
}
