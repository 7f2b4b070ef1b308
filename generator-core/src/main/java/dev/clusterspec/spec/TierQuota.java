package dev.clusterspec.spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The limits of an OCI quota profile, read from {@code oci-tiers.json} so that a changed offer is a
 * data change, not a code change.
 */
public record TierQuota(int reservedPublicIpv4, int flexibleLoadBalancers, int flexibleLoadBalancerMbps,
                        int networkLoadBalancers, int securityListRulesPerDirection, String note) {

    private static final JsonNode TIERS = read();

    public static TierQuota of(Oci.Tier tier) {
        JsonNode t = TIERS.required(tier.id());
        return new TierQuota(t.required("reservedPublicIpv4").asInt(), t.required("flexibleLoadBalancers").asInt(),
                t.required("flexibleLoadBalancerMbps").asInt(), t.required("networkLoadBalancers").asInt(),
                t.required("securityListRulesPerDirection").asInt(), t.required("note").asString());
    }

    private static JsonNode read() {
        try (InputStream in = TierQuota.class.getResourceAsStream("/clusterspec/data/oci-tiers.json")) {
            return JsonMapper.shared().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
