package dev.clusterspec.emit.talos;

import dev.clusterspec.load.bundle.SecretsBundle;
import dev.clusterspec.plan.ClusterPlan;
import dev.clusterspec.spec.Addons.OciCcm;
import dev.clusterspec.spec.Topology;

/** Everything the node configs of one cluster are built from, shared by all its nodes. */
record ConfigInputs(ClusterPlan plan, SecretsBundle bundle, TalosImages images, ControlPlaneManifests manifests) {

    /**
     * Kubernetes' external cloud provider: only where the OCI CCM can initialise nodes, i.e. Talos on
     * OCI instances ({@code topology: direct}) with the CCM's node controllers running. Nested VMs are
     * no OCI instances: the CCM would leave them tainted {@code uninitialized} or delete them.
     */
    boolean externalCloudProvider() {
        OciCcm ccm = plan.spec().addons().ociCcm();
        return plan.spec().topology() == Topology.DIRECT && ccm.enabled() && ccm.mode() == OciCcm.Mode.FULL;
    }

    /** With no workers, the control planes must run the workloads (and Hubble Relay, CoreDNS...). */
    boolean controlPlanesRunWorkloads() {
        return plan.workers().isEmpty();
    }
}
