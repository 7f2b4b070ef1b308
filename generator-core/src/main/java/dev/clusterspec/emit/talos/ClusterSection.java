package dev.clusterspec.emit.talos;

import dev.clusterspec.emit.manifests.InlineManifest;
import dev.clusterspec.load.bundle.SecretsBundle;
import dev.clusterspec.plan.ClusterPlan;
import dev.clusterspec.spec.Network;
import dev.clusterspec.spec.Node;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code cluster:} of a node's v1alpha1 document, keys in Talos's struct order. Control planes get
 * the whole section; workers only what a kubelet needs to join (identity, endpoint, network,
 * bootstrap token, the Kubernetes CA certificate, discovery), as {@code gen config} gives them.
 *
 * <p>Deliberate changes to the {@code gen config} defaults: no CNI ({@code cni.name: none}) and no
 * kube-proxy, because Cilium replaces both and is installed inline; extra API-server SANs from the
 * plan; etcd advertising on the node network only.
 */
final class ClusterSection {

    /** Talos's kube-apiserver listens here unless told otherwise. */
    static final int DEFAULT_API_PORT = 6443;

    private ClusterSection() {}

    static ObjectNode render(ConfigInputs in, Node node, ObjectNode parent) {
        ClusterPlan plan = in.plan();
        SecretsBundle bundle = in.bundle();
        boolean controlPlane = node.isControlPlane();
        ObjectNode cluster = parent.putObject("cluster");
        cluster.put("id", bundle.cluster().id());
        cluster.put("secret", bundle.cluster().secret());
        ObjectNode endpoint = cluster.putObject("controlPlane");
        endpoint.put("endpoint", plan.endpointUrl());
        int apiPort = plan.spec().controlPlane().port();
        if (controlPlane && apiPort != DEFAULT_API_PORT) {
            // the VIP lands on a control plane (the API load balancer forwards to the same port), so the API
            // server must listen on the endpoint's port
            endpoint.put("localAPIServerPort", apiPort);
        }
        cluster.put("clusterName", plan.name());
        network(cluster, plan.spec().network());
        cluster.put("token", bundle.secrets().bootstrapToken());

        if (!controlPlane) {
            MachineSection.caHalf(cluster.putObject("ca"), bundle.certs().k8s(), false);
            discovery(cluster);
            externalCloudProvider(in, cluster);
            return cluster;
        }

        bundle.secrets().secretbox().ifPresentOrElse(
                secret -> cluster.put("secretboxEncryptionSecret", secret),
                () -> cluster.put("aescbcEncryptionSecret", bundle.secrets().aescbc().orElseThrow()));
        MachineSection.caHalf(cluster.putObject("ca"), bundle.certs().k8s(), true);
        MachineSection.caHalf(cluster.putObject("aggregatorCA"), bundle.certs().k8sAggregator(), true);
        cluster.putObject("serviceAccount").put("key", bundle.certs().k8sServiceAccount().keyBase64());
        apiServer(cluster, in);
        cluster.putObject("controllerManager").put("image", in.images().controllerManager());
        cluster.putObject("proxy").put("disabled", true);
        cluster.putObject("scheduler").put("image", in.images().scheduler());
        discovery(cluster);
        ObjectNode etcd = cluster.putObject("etcd");
        MachineSection.caHalf(etcd.putObject("ca"), bundle.certs().etcd(), true);
        TalosDocuments.strings(etcd, "advertisedSubnets", List.of(plan.nodeNetwork().toString()));
        externalCloudProvider(in, cluster);
        manifests(cluster, in.manifests());
        if (in.controlPlanesRunWorkloads()) {
            cluster.put("allowSchedulingOnControlPlanes", true);
        }
        return cluster;
    }

    private static void network(ObjectNode cluster, Network network) {
        ObjectNode out = cluster.putObject("network");
        out.putObject("cni").put("name", "none");
        out.put("dnsDomain", network.clusterDomain());
        TalosDocuments.strings(out, "podSubnets", List.of(network.pods().toString()));
        TalosDocuments.strings(out, "serviceSubnets", List.of(network.services().toString()));
    }

    private static void apiServer(ObjectNode cluster, ConfigInputs in) {
        ObjectNode apiServer = cluster.putObject("apiServer");
        apiServer.put("image", in.images().apiServer());
        TalosDocuments.strings(apiServer, "certSANs", in.plan().certSans());
        ObjectNode podSecurity = apiServer.putArray("admissionControl").addObject();
        podSecurity.put("name", "PodSecurity");
        podSecurityDefaults(podSecurity.putObject("configuration"));
        ObjectNode audit = apiServer.putObject("auditPolicy");
        audit.put("apiVersion", "audit.k8s.io/v1");
        audit.put("kind", "Policy");
        audit.putArray("rules").addObject().put("level", "Metadata");
    }

    /**
     * The cluster-wide Pod Security defaults of {@code gen config}: baseline enforced, restricted
     * audited and warned, kube-system exempt. Namespaces of the spec carry their own
     * {@code pod-security.kubernetes.io/*} labels on top (restricted by default).
     */
    private static void podSecurityDefaults(ObjectNode configuration) {
        configuration.put("apiVersion", "pod-security.admission.config.k8s.io/v1alpha1");
        ObjectNode defaults = configuration.putObject("defaults");
        defaults.put("audit", "restricted");
        defaults.put("audit-version", "latest");
        defaults.put("enforce", "baseline");
        defaults.put("enforce-version", "latest");
        defaults.put("warn", "restricted");
        defaults.put("warn-version", "latest");
        ObjectNode exemptions = configuration.putObject("exemptions");
        exemptions.putArray("namespaces").add("kube-system");
        exemptions.putArray("runtimeClasses");
        exemptions.putArray("usernames");
        configuration.put("kind", "PodSecurityConfiguration");
    }

    /** The discovery service (discovery.talos.dev); the Kubernetes registry is off for Kubernetes 1.32+. */
    private static void discovery(ObjectNode cluster) {
        ObjectNode discovery = cluster.putObject("discovery");
        discovery.put("enabled", true);
        ObjectNode registries = discovery.putObject("registries");
        registries.putObject("kubernetes").put("disabled", true);
        registries.putObject("service");
    }

    /** On every node when enabled: it is also what makes each kubelet run with --cloud-provider=external. */
    private static void externalCloudProvider(ConfigInputs in, ObjectNode cluster) {
        if (in.externalCloudProvider()) {
            cluster.putObject("externalCloudProvider").put("enabled", true);
        }
    }

    private static void manifests(ObjectNode cluster, ControlPlaneManifests manifests) {
        if (!manifests.urls().isEmpty()) {
            TalosDocuments.strings(cluster, "extraManifests", manifests.urls());
        }
        if (!manifests.headers().isEmpty()) {
            ObjectNode headers = cluster.putObject("extraManifestHeaders");
            manifests.headers().forEach(headers::put);
        }
        if (!manifests.inline().isEmpty()) {
            ArrayNode inline = cluster.putArray("inlineManifests");
            for (InlineManifest manifest : manifests.inline()) {
                ObjectNode entry = inline.addObject();
                entry.put("name", manifest.name());
                entry.put("contents", manifest.contents());
            }
        }
    }
}
