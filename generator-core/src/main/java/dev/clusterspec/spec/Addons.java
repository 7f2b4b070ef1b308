package dev.clusterspec.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Optional;

/** The add-ons installed into the cluster. */
public record Addons(Cilium cilium, Tailscale tailscale, OciCcm ociCcm, Monitoring monitoring) {

    public record Cilium(Hubble hubble, L2 l2) {}

    public record Hubble(boolean enabled, boolean relay, boolean ui, boolean metrics) {}

    public record L2(List<String> interfaces) {
        public L2 {
            interfaces = List.copyOf(interfaces);
        }
    }

    /** The Tailscale operator; it authenticates with an OAuth client, never an auth key. */
    public record Tailscale(boolean enabled, OAuth oauth, String operatorHostname, List<String> tags) {
        public Tailscale {
            tags = List.copyOf(tags);
        }
    }

    public record OAuth(SecretRef clientId, SecretRef clientSecret) {}

    /**
     * The OCI CCM; {@code compartmentId}, {@code subnetId} and {@code vcnId} are written into its
     * cloud-provider.yaml (the compartment it finds instances and creates load balancers in, the load
     * balancers' subnet, the VCN whose VNICs it searches when a display-name lookup fails).
     */
    public record OciCcm(boolean enabled, Mode mode, String compartmentId, String subnetId, String vcnId, OciApiKey auth) {

        public enum Mode {
            @JsonProperty("full") FULL,
            @JsonProperty("service-controller-only") SERVICE_CONTROLLER_ONLY;

            public String id() {
                return this == FULL ? "full" : "service-controller-only";
            }
        }

        public Optional<OciApiKey> apiKey() {
            return Optional.ofNullable(auth);
        }
    }

    public record OciApiKey(SecretRef tenancy, SecretRef user, SecretRef fingerprint, SecretRef privateKey) {}

    public record Monitoring(String namespace, Alloy alloy) {}

    public record Alloy(boolean enabled, String metricsUrl, String logsUrl, SecretRef username, SecretRef logsUsername,
                        SecretRef token) {

        /** The Loki user: Grafana Cloud usually gives logs their own instance id. */
        public SecretRef logsUsernameOrDefault() {
            return logsUsername != null ? logsUsername : username;
        }
    }
}
