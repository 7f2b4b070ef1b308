package dev.clusterspec.spec;

import java.util.List;

/**
 * {@code talos:} of the spec: what goes into the Talos configs beyond what the spec names. Patches
 * apply to a node in this order: {@link #patches()}, its role's, its own ({@link Node#patches()}).
 */
public record TalosSettings(List<PatchEntry> patches, Role controlplane, Role worker) {

    public TalosSettings {
        patches = List.copyOf(patches);
    }

    /** The patches of every node of the role, after the ones of all nodes. */
    public List<PatchEntry> patchesOf(Node.Role role) {
        return (role == Node.Role.CONTROLPLANE ? controlplane : worker).patches();
    }

    /** Settings of one role's nodes. */
    public record Role(List<PatchEntry> patches) {
        public Role {
            patches = List.copyOf(patches);
        }
    }
}
