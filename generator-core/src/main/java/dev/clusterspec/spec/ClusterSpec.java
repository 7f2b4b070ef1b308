package dev.clusterspec.spec;

import java.util.List;
import java.util.Optional;

/**
 * The whole of {@code cluster.yaml}, bound after the schema has validated it and filled in its
 * defaults. Optional sections are {@code null} only where the schema has no default for them.
 */
public record ClusterSpec(
        String apiVersion,
        String kind,
        Metadata metadata,
        Versions versions,
        Topology topology,
        Oci oci,
        Bastion bastion,
        Proxmox proxmox,
        Network network,
        ControlPlane controlPlane,
        List<Node> nodes,
        TalosSettings talos,
        Addons addons,
        List<NamespaceSpec> namespaces,
        List<ServiceSpec> services,
        Firewall firewall,
        ManifestRepo manifestRepo,
        SecretsSpec secrets,
        List<ReachabilityAssertion> assertions,
        ManifestsSpec manifests) {

    public ClusterSpec {
        nodes = List.copyOf(nodes);
        namespaces = List.copyOf(namespaces);
        services = List.copyOf(services);
        assertions = List.copyOf(assertions);
    }

    public String name() {
        return metadata.name();
    }

    public Optional<Bastion> bastionIfAny() {
        return Optional.ofNullable(bastion);
    }

    public Optional<Proxmox> proxmoxIfAny() {
        return Optional.ofNullable(proxmox);
    }

    public Optional<ManifestRepo> manifestRepoIfAny() {
        return Optional.ofNullable(manifestRepo);
    }

    public List<Node> controlPlanes() {
        return nodes.stream().filter(n -> n.role() == Node.Role.CONTROLPLANE).toList();
    }

    public List<Node> workers() {
        return nodes.stream().filter(n -> n.role() == Node.Role.WORKER).toList();
    }

    public record Metadata(String name) {}

    public record Versions(String talos, String kubernetes, String cilium, String tailscaleOperator) {}
}
