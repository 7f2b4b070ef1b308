package dev.clusterspec.spec;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A Talos node; {@code host} and {@code vmid} are set in the nested topology, {@code ocpus} and
 * {@code memoryGb} size its OCI instance in the direct topology.
 */
public record Node(String name, Role role, String host, Integer vmid, Ip ip, String installDisk,
        @JsonProperty("interface") String iface, int ocpus, int memoryGb) {

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
}
