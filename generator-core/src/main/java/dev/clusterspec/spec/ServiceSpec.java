package dev.clusterspec.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A service, how it is exposed, and who may reach its pods. */
public record ServiceSpec(
        String name,
        String namespace,
        Exposure exposure,
        String reservedIp,
        String pool,
        String hostname,
        Map<String, String> selector,
        List<Port> ports,
        List<AllowFrom> allowFrom) {

    public ServiceSpec {
        // sorted so that everything rendered from the selector is deterministic
        selector = selector == null ? Map.of("app", name) : Collections.unmodifiableSortedMap(new TreeMap<>(selector));
        ports = List.copyOf(ports);
        allowFrom = List.copyOf(allowFrom);
    }

    public enum Exposure {
        @JsonProperty("public") PUBLIC,
        @JsonProperty("tailnet") TAILNET,
        @JsonProperty("cluster") CLUSTER;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Optional<String> reservedIpName() {
        return Optional.ofNullable(reservedIp);
    }

    /** The LoadBalancer pool the spec names for this service; absent means the first pool. */
    public Optional<String> poolName() {
        return Optional.ofNullable(pool);
    }

    /** The MagicDNS name of a tailnet service. */
    public String tailnetHostname() {
        return hostname != null ? hostname : name;
    }

    /** A service port; written either as a bare TCP port number or as an object. */
    public record Port(int port, Integer targetPort, Protocol protocol) {

        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        public Port(@JsonProperty("port") int port,
                    @JsonProperty("targetPort") Integer targetPort,
                    @JsonProperty("protocol") Protocol protocol) {
            this.port = port;
            this.targetPort = targetPort != null ? targetPort : port;
            this.protocol = protocol != null ? protocol : Protocol.TCP;
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        public static Port tcp(long port) {
            // Jackson hands bare integers over as long; the schema has bounded them to 1..65535
            return new Port(Math.toIntExact(port), Math.toIntExact(port), Protocol.TCP);
        }
    }

    public enum Protocol { TCP, UDP }

    /** One allowed source: a namespace (optionally narrowed by pod labels) or a CIDR. */
    public record AllowFrom(String namespace, Map<String, String> podLabels, Cidr cidr) {
        public AllowFrom {
            podLabels = podLabels == null ? Map.of() : Collections.unmodifiableSortedMap(new TreeMap<>(podLabels));
        }
    }
}
