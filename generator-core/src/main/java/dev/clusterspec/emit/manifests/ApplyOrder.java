package dev.clusterspec.emit.manifests;

/**
 * When each component is applied, as the two-digit prefix of its folder in the manifest repo
 * ({@code 10-cilium/<sha>.yaml}). Talos names a URL manifest {@code 99-<url>} and an inline one
 * {@code 99-<name>}, applies manifests sorted by that name, and within the whole set creates
 * Namespaces first and CRDs second. The repo's URLs share one prefix, so the folder prefix alone
 * decides their order (the spec's own {@code manifests.extraManifests} URLs sort among them by their
 * text); inline manifests are named with a digit first and so come before every URL manifest. Talos retries objects whose kind is not known yet (custom resources
 * before their operator registered the CRD) on its next pass, so a later number is also what lets
 * such objects wait for their CRDs.
 */
public final class ApplyOrder {

    /** The CNI: inline in the control-plane configs, mirrored into the repo for upgrades. */
    public static final int CILIUM = 10;
    /** Application namespaces with their Pod Security labels. */
    public static final int NAMESPACES = 20;
    /** CRDs of add-ons whose operators need them at start (Tailscale). */
    public static final int CRDS = 30;
    /** Add-on operators and controllers (Tailscale operator, OCI CCM). */
    public static final int ADDONS = 40;
    /** The monitoring agent. */
    public static final int MONITORING = 50;
    /** Services of the spec's exposure patterns. */
    public static final int SERVICES = 60;
    /** Cilium custom resources (LB pools, L2 policy): only after the Cilium operator created the CRDs. */
    public static final int CILIUM_RESOURCES = 70;
    /** Kubernetes NetworkPolicies of the firewall layer. */
    public static final int NETWORK_POLICIES = 80;
    /** CiliumNetworkPolicies: need Cilium's CRDs, like the LB resources. */
    public static final int CILIUM_POLICIES = 85;
    /**
     * The user's own manifests ({@code manifests.folder}), one component per file: after everything
     * generated, so that they can use its namespaces, CRDs and policies.
     */
    public static final int USER_MANIFESTS = 90;

    /** Inline manifests: secrets come after Cilium, both before every URL manifest. */
    public static final String INLINE_CILIUM = "10-cilium";
    public static final String INLINE_SECRET_PREFIX = "20-secret-";

    private ApplyOrder() {}
}
