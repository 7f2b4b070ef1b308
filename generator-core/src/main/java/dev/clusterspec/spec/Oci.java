package dev.clusterspec.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Optional;

/** The Oracle Cloud side of the cluster. */
public record Oci(String region, Tier tier, List<ReservedIp> reservedIps, Vcn vcn) {

    public Oci {
        reservedIps = List.copyOf(reservedIps);
    }

    public Optional<ReservedIp> reservedIp(String name) {
        return reservedIps.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /** The quota profile checked by validation; its numbers are data (oci-tiers.yaml). */
    public enum Tier {
        @JsonProperty("always-free") ALWAYS_FREE,
        @JsonProperty("paid") PAID;

        public String id() {
            return this == ALWAYS_FREE ? "always-free" : "paid";
        }
    }

    public record ReservedIp(String name, Ip address) {}

    public record Vcn(Cidr cidr, Cidr subnet) {}
}
