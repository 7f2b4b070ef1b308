package dev.clusterspec.check;

/**
 * The user's manifests folder can be used: it is inside the spec's folder, and its files hold
 * Kubernetes objects, each once, without secrets. Whether an object clashes with a generated one is
 * known when the manifest repo is built; that is reported then, in the same form.
 */
final class UserManifestCheck implements SpecCheck {

    @Override
    public void check(CheckContext context) {
        context.userManifests().problems().forEach(context::report);
    }
}
