package dev.clusterspec.plan.firewall;

/**
 * A namespace clusterspec creates, and what its default-deny network policy covers. Every such
 * namespace denies all ingress that no policy allows. The application namespaces deny egress too; the
 * add-on namespaces keep egress open, since what their pods reach is the internet anyway (Tailscale's
 * control plane, DERP and peers; Grafana Cloud), plus the API server and the nodes' metrics ports.
 *
 * @param why the reason the policy carries, shown beside it in the manifest repo
 */
public record DefaultDeny(String namespace, boolean egress, String why) {}
