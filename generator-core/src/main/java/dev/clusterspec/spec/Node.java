package dev.clusterspec.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A Talos node; {@code host} and {@code vmid} are set in the nested topology, {@code ocpus} and
 * {@code memoryGb} size its OCI instance in the direct topology. {@code patches} are the node's own
 * Talos config patches, applied after those of all nodes and of its role.
 */
public record Node(String name, Role role, String host, Integer vmid, Ip ip, String installDisk,
        int ocpus, int memoryGb, List<PatchEntry> patches) {

    public Node {
        patches = List.copyOf(patches);
    }

    public enum Role {
        @JsonProperty("controlplane") CONTROLPLANE,
        @JsonProperty("worker") WORKER;

        public String id() {
            return this == CONTROLPLANE ? "controlplane" : "worker";
        }
    }

    public boolean isControlPlane() {
        return role == Role.CONTROLPLANE;
    }

    /** The install disk the spec names, if it names one (otherwise the topology decides). */
    public java.util.Optional<String> installDiskIfAny() {
        return java.util.Optional.ofNullable(installDisk);
    }
}
