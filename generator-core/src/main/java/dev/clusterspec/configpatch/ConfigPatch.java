package dev.clusterspec.configpatch;

/**
 * One Talos config patch, as {@link PatchParser} classifies it: a strategic merge patch (YAML
 * documents merged into the config's documents) or an RFC 6902 JSON patch (operations on one
 * document). Patches are immutable and never share nodes with the configs they are applied to, so
 * one patch can be applied to many nodes' configs.
 */
public sealed interface ConfigPatch permits StrategicMergePatch, JsonPatch {

    /** How messages name the patch (a file name, or where an inline patch is written). */
    String label();
}
