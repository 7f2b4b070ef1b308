package dev.clusterspec.emit.cilium;

/**
 * The agent's Kubernetes API client limits, sized to the number of services announced on Layer 2.
 * Every announced service is a lease (15 s, renew deadline 5 s, retry 2 s) that the agents get and
 * renew, so each service adds about half a request per second on top of the agent's own traffic;
 * too low a limit shows as client-side throttling of lease updates and failovers that take too long.
 * Base 10/20 is Cilium's chart default; 20 services give 20/40, what Cilium's sizing advice reaches.
 */
public record L2ClientRateLimits(int qps, int burst) {

    static final int BASE_QPS = 10;

    public static L2ClientRateLimits forAnnouncedServices(int services) {
        if (services < 0) {
            throw new IllegalArgumentException("services must not be negative");
        }
        int qps = BASE_QPS + (services + 1) / 2;
        return new L2ClientRateLimits(qps, 2 * qps);
    }
}
