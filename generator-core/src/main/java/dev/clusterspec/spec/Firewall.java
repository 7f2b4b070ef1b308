package dev.clusterspec.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Firewall inputs: who the administrators are, and extra ingress rules on the Talos nodes. */
public record Firewall(List<Cidr> admins, List<NodeIngress> nodeIngress) {

    public Firewall {
        admins = admins == null ? null : List.copyOf(admins);
        nodeIngress = List.copyOf(nodeIngress);
    }

    public record NodeIngress(int port, Protocol protocol, List<Cidr> from, String reason) {
        public NodeIngress {
            from = List.copyOf(from);
        }
    }

    public enum Protocol {
        @JsonProperty("tcp") TCP,
        @JsonProperty("udp") UDP
    }
}
