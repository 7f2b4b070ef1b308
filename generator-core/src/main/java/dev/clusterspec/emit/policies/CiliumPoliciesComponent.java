package dev.clusterspec.emit.policies;

import dev.clusterspec.yaml.Yaml;
import dev.clusterspec.emit.manifests.Component;
import dev.clusterspec.emit.manifests.ComponentInputs;
import dev.clusterspec.emit.manifests.ManifestComponent;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** The CiliumNetworkPolicies of the network-policy layer: what plain NetworkPolicy cannot name (the nodes). */
public final class CiliumPoliciesComponent implements Component {

    public static final String NAME = "cilium-policies";

    @Override
    public String name() {
        return NAME;
    }

    /** Custom resources, like the load-balancing ones: after Cilium's CRDs. */
    @Override
    public int order() {
        return 85;
    }

    @Override
    public List<ManifestComponent> manifests(ComponentInputs inputs) {
        List<JsonNode> policies = NetworkPolicyEmitter.documents(inputs.firewall()).ciliumPolicies();
        return folder(policies.isEmpty() ? Optional.empty() : Optional.of(Yaml.writeAll(policies)));
    }
}
