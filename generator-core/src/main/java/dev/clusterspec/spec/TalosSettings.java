package dev.clusterspec.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * {@code talos:} of the spec: the nodes' image (architecture, extensions) and what goes into the Talos
 * configs beyond what the spec names. Patches
 * apply to a node in this order: {@link #patches()}, its role's, its own ({@link Node#patches()}).
 */
public record TalosSettings(Architecture architecture, List<String> extensions, List<PatchEntry> patches, Role controlplane, Role worker) {

    public TalosSettings {
        extensions = List.copyOf(extensions);
        patches = List.copyOf(patches);
    }

    /** The nodes' CPU architecture, as Talos names it. */
    public enum Architecture {
        @JsonProperty("arm64") ARM64,
        @JsonProperty("amd64") AMD64;

        public String id() {
            return this == ARM64 ? "arm64" : "amd64";
        }
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
