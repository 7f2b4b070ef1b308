package dev.clusterspec.spec;

import dev.clusterspec.yaml.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The limits of an OCI quota profile, read from {@code oci-tiers.json} so that a changed offer is a
 * data change, not a code change.
 */
public record TierQuota(int reservedPublicIpv4, int flexibleLoadBalancers, int flexibleLoadBalancerMbps,
                        int networkLoadBalancers, int securityListRulesPerDirection, String note, A1Compute a1) {

    /** What all Ampere A1 instances of the tenancy may use together; {@code note} says where the figures come from. */
    public record A1Compute(int ocpus, int memoryGb, String note) {}

    private static final JsonNode TIERS = read();

    public static TierQuota of(Oci.Tier tier) {
        JsonNode t = TIERS.required(tier.id());
        JsonNode a1 = t.path("a1Compute");
        return new TierQuota(t.required("reservedPublicIpv4").asInt(), t.required("flexibleLoadBalancers").asInt(),
                t.required("flexibleLoadBalancerMbps").asInt(), t.required("networkLoadBalancers").asInt(),
                t.required("securityListRulesPerDirection").asInt(), t.required("note").asString(),
                a1.isObject() ? new A1Compute(a1.required("ocpus").asInt(), a1.required("memoryGb").asInt(),
                        a1.required("note").asString()) : null);
    }

    /** The A1 budget, or nothing where the tier sets none this release knows (paid: per-region service limits). */
    public Optional<A1Compute> a1Compute() {
        return Optional.ofNullable(a1);
    }

    private static JsonNode read() {
        try (InputStream in = TierQuota.class.getResourceAsStream("/clusterspec/data/oci-tiers.json")) {
            return JsonReader.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
