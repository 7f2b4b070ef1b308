package dev.clusterspec.connectivity;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Computes which workloads can reach which, on which ports, from Kubernetes manifests: pods and
 * their controllers, Namespaces, {@code networking.k8s.io/v1} NetworkPolicies and namespaced
 * CiliumNetworkPolicies. Other kinds (Services, ConfigMaps, ...) do not affect connectivity and
 * are ignored; policy kinds the analyser does not model are reported as warnings.
 *
 * <p>Semantics: a pod is isolated in a direction when a policy that applies to it covers that
 * direction; an isolated side allows only the union of its rules; a connection needs the
 * source's egress and the destination's ingress. Node entities ({@code {host}},
 * {@code {remote-node}}) are evaluated by policy alone, as with Cilium's
 * {@code allow-localhost=policy}; with Cilium's default the local node may additionally always
 * reach its pods.
 */
public final class ConnectivityAnalyzer {
    private static final Set<String> UNMODELLED_POLICY_KINDS = Set.of(
            "CiliumClusterwideNetworkPolicy", "AdminNetworkPolicy", "BaselineAdminNetworkPolicy",
            "ClusterNetworkPolicy", "MultiNetworkPolicy");

    private ConnectivityAnalyzer() {
    }

    /**
     * Reads every {@code *.yaml}, {@code *.yml} and {@code *.json} under {@code dir} (recursively,
     * in path order) and analyses them.
     *
     * @throws ManifestReadException for unparseable files or invalid policies, naming the file
     */
    public static ConnectivityResult analyzeDirectory(Path dir) {
        ManifestSet manifests = KubeObjectReader.readDirectory(dir);
        return analyze(manifests.objects(), manifests.warnings());
    }

    /**
     * Analyses manifest trees that are already in memory, such as generated ones; {@code source}
     * names them in messages.
     */
    public static ConnectivityResult analyzeTrees(String source, List<JsonNode> trees) {
        ManifestSet manifests = KubeObjectReader.readTrees(source, trees);
        return analyze(manifests.objects(), manifests.warnings());
    }

    /** Analyses objects already read, with the warnings of reading them (objects from several sources, merged). */
    public static ConnectivityResult analyze(ManifestSet manifests) {
        return analyze(manifests.objects(), manifests.warnings());
    }

    /** Analyses objects already read (see {@link KubeObjectReader}, {@link KubeObject#of}). */
    public static ConnectivityResult analyze(List<KubeObject> objects) {
        return analyze(objects, List.of());
    }

    static ConnectivityResult analyze(List<KubeObject> objects, List<String> readWarnings) {
        List<String> warnings = new ArrayList<>(readWarnings);
        DuplicateNames.reject(objects);
        Inventory inventory = Inventory.of(objects);
        List<PolicyModel> policies = new ArrayList<>();
        boolean cilium = false;
        int policyObjects = 0;
        for (KubeObject o : objects) {
            if (o.kind().equals("NetworkPolicy") && isNetworkingApi(o.apiVersion())) {
                policies.add(NetworkPolicyParser.parse(o));
                policyObjects++;
            } else if (o.kind().equals("CiliumNetworkPolicy")) {
                policies.addAll(CiliumPolicyParser.parse(o));
                cilium = true;
                policyObjects++;
            } else if (UNMODELLED_POLICY_KINDS.contains(o.kind())) {
                warnings.add(o.source() + ": " + o.kind() + " " + o.name()
                        + " is not analysed; the result does not account for it");
            }
        }
        List<IpBlock> ingressBlocks = new ArrayList<>();
        List<IpBlock> egressBlocks = new ArrayList<>();
        policies.forEach(p -> {
            ingressBlocks.addAll(p.ingressBlocks());
            egressBlocks.addAll(p.egressBlocks());
        });
        List<PseudoPeer> nodes = cilium ? PseudoPeer.NODE_ENTITIES : List.of();
        PeerUniverse sources = new PeerUniverse(inventory.endpoints, ExternalRanges.split(ingressBlocks), nodes);
        PeerUniverse destinations = new PeerUniverse(inventory.endpoints, ExternalRanges.split(egressBlocks), nodes);
        Reachability reachability = new Reachability(sources, destinations,
                sides(inventory.endpoints, policies, true), sides(inventory.endpoints, policies, false));
        return new ConnectivityResult(reachability.connections(inventory.workloads), inventory.workloads,
                List.copyOf(inventory.namespaces.keySet()), policyObjects, warnings);
    }

    private static boolean isNetworkingApi(String apiVersion) {
        // list items may omit apiVersion; older clusters served the same schema under extensions
        return apiVersion.isEmpty() || apiVersion.startsWith("networking.k8s.io/") || apiVersion.startsWith("extensions/");
    }

    /** For each endpoint, the rules of every policy that applies to it in one direction. */
    private static Reachability.Side[] sides(List<Endpoint> endpoints, List<PolicyModel> policies, boolean ingress) {
        boolean[] isolated = new boolean[endpoints.size()];
        List<List<PolicyRule>> rules = new ArrayList<>();
        endpoints.forEach(e -> rules.add(new ArrayList<>()));
        for (PolicyModel policy : policies) {
            boolean isolates = ingress ? policy.isolatesIngress() : policy.isolatesEgress();
            List<PolicyRule> policyRules = ingress ? policy.ingress() : policy.egress();
            if (!isolates && policyRules.isEmpty()) {
                continue;
            }
            for (Endpoint e : endpoints) {
                if (policy.subjects().matches(e)) {
                    isolated[e.index] |= isolates;
                    rules.get(e.index).addAll(policyRules);
                }
            }
        }
        Reachability.Side[] sides = new Reachability.Side[endpoints.size()];
        for (int i = 0; i < sides.length; i++) {
            sides[i] = new Reachability.Side(isolated[i], List.copyOf(rules.get(i)));
        }
        return sides;
    }
}
