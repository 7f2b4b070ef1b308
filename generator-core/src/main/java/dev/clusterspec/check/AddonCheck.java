package dev.clusterspec.check;

import dev.clusterspec.spec.Addons;

/** Each enabled add-on has what it needs to run. */
final class AddonCheck implements SpecCheck {

    @Override
    public void check(CheckContext context) {
        Addons addons = context.spec().addons();
        if (addons.tailscale().enabled() && addons.tailscale().oauth() == null) {
            context.error("/addons/tailscale", "the Tailscale operator needs an OAuth client: add oauth: {clientId: ${env:TS_CLIENT_ID},"
                    + " clientSecret: ${env:TS_CLIENT_SECRET}} (the operator cannot use auth keys)");
        }
        var alloy = addons.monitoring().alloy();
        if (alloy.enabled()) {
            if (alloy.metricsUrl() == null || alloy.logsUrl() == null || alloy.username() == null || alloy.token() == null) {
                context.error("/addons/monitoring/alloy", "Grafana Alloy needs metricsUrl, logsUrl, username and token"
                        + " (a secret reference) to ship to Grafana Cloud");
            }
        }
        var ccm = addons.ociCcm();
        if (ccm.enabled() && (ccm.compartmentId() == null || ccm.subnetId() == null)) {
            context.error("/addons/ociCcm", "the OCI CCM needs compartmentId and subnetId (OCIDs) for the load balancers it creates");
        } else if (ccm.enabled() && ccm.mode() == Addons.OciCcm.Mode.FULL && ccm.vcnId() == null
                && context.spec().topology() == dev.clusterspec.spec.Topology.DIRECT) {
            context.error("/addons/ociCcm", "the OCI CCM needs vcnId (the VCN's OCID) to initialise nodes: it finds a node's instance by"
                    + " display name and, when that fails, among the VNICs of this VCN; add vcnId: ocid1.vcn...");
        }
        String monitoring = addons.monitoring().namespace();
        for (int i = 0; i < context.spec().namespaces().size(); i++) {
            String name = context.spec().namespaces().get(i).name();
            if (name.equals("kube-system") || name.equals("tailscale") || name.equals(monitoring)) {
                context.error("/namespaces/" + i + "/name", "namespace " + name + " is managed by clusterspec itself; choose another name");
            }
        }
    }
}
