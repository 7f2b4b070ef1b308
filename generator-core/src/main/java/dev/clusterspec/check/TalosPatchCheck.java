package dev.clusterspec.check;

/**
 * Talos patches can be read: files exist inside the spec's folder, hold YAML, and are patches
 * Talos would accept. Whether a patch applies to a node's config is known only when the config is
 * generated; that is reported then, at the same places.
 */
final class TalosPatchCheck implements SpecCheck {

    @Override
    public void check(CheckContext context) {
        context.talosPatches().problems().forEach(context::report);
    }
}
