package dev.clusterspec.emit.policies;

import dev.clusterspec.yaml.Yaml;
import dev.clusterspec.emit.manifests.Component;
import dev.clusterspec.emit.manifests.ComponentInputs;
import dev.clusterspec.emit.manifests.ManifestComponent;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** The Kubernetes NetworkPolicies of the firewall's network-policy layer: each namespace's default deny and what the spec allows. */
public final class NetworkPoliciesComponent implements Component {

    public static final String NAME = "network-policies";

    @Override
    public String name() {
        return NAME;
    }

    /** After the workloads they isolate. */
    @Override
    public int order() {
        return 80;
    }

    @Override
    public List<ManifestComponent> manifests(ComponentInputs inputs) {
        List<JsonNode> policies = NetworkPolicyEmitter.documents(inputs.firewall()).networkPolicies();
        return folder(policies.isEmpty() ? Optional.empty() : Optional.of(Yaml.writeAll(policies)));
    }
}
