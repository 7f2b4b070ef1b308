package dev.clusterspec.spec;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where Talos runs: in VMs on Proxmox hosts that are OCI instances, or on OCI instances directly. */
public enum Topology {
    @JsonProperty("nested") NESTED,
    @JsonProperty("direct") DIRECT
}
