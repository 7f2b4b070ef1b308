package dev.clusterspec.connectivity;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates a random but reproducible cluster (namespaces, deployments with labels and named
 * ports, NetworkPolicies using every selector and port feature) as YAML documents.
 */
final class SyntheticCluster {
    private static final String[] APPS = {"web", "api", "db", "cache", "queue", "auth", "search", "mail"};
    private static final String[] TIERS = {"front", "back", "data"};
    private static final String[] PORT_NAMES = {"http", "grpc", "metrics"};
    private static final String[] OPERATORS = {"In", "NotIn", "Exists", "DoesNotExist"};

    private final Random random;
    private final int namespaces;

    private SyntheticCluster(long seed, int namespaces) {
        this.random = new Random(seed);
        this.namespaces = namespaces;
    }

    static List<String> generate(long seed, int namespaces, int workloads, int policies) {
        return new SyntheticCluster(seed, namespaces).documents(workloads, policies);
    }

    private List<String> documents(int workloads, int policies) {
        List<String> docs = new ArrayList<>();
        for (int n = 0; n < namespaces; n++) {
            docs.add(Fixtures.namespace("ns" + n, "env: " + (n % 2 == 0 ? "prod" : "dev") + ", idx: \"" + n + "\""));
        }
        for (int w = 0; w < workloads; w++) {
            String labels = "app: " + pick(APPS) + (random.nextBoolean() ? ", tier: " + pick(TIERS) : "");
            String ports = "[{name: " + pick(PORT_NAMES) + ", containerPort: " + (8000 + random.nextInt(20)) + "}"
                    + (random.nextBoolean() ? ", {name: dns, containerPort: 53, protocol: UDP}" : "") + "]";
            docs.add(Fixtures.deployment("ns" + random.nextInt(namespaces), "w" + w, labels, ports));
        }
        for (int p = 0; p < policies; p++) {
            docs.add(policy(p));
        }
        return docs;
    }

    private String policy(int index) {
        StringBuilder spec = new StringBuilder();
        spec.append("  podSelector: ").append(random.nextInt(4) == 0 ? "{}" : selector()).append('\n');
        int kind = random.nextInt(4);
        if (kind == 1) {
            spec.append("  policyTypes: [Ingress]\n");
        } else if (kind == 2) {
            spec.append("  policyTypes: [Egress]\n");
        } else if (kind == 3) {
            spec.append("  policyTypes: [Ingress, Egress]\n");
        }
        for (String direction : List.of("ingress", "egress")) {
            int rules = random.nextInt(3);
            if (rules == 0 && random.nextBoolean()) {
                continue;
            }
            spec.append("  ").append(direction).append(":\n");
            if (rules == 0) {
                spec.setLength(spec.length() - 1);
                spec.append(" []\n");
            }
            for (int r = 0; r < rules; r++) {
                spec.append("    - ").append(direction.equals("ingress") ? "from" : "to").append(": ").append(peers())
                        .append("\n      ports: ").append(ports()).append('\n');
            }
        }
        return """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: p%d, namespace: ns%d}
                spec:
                %s""".formatted(index, random.nextInt(namespaces), spec);
    }

    private String peers() {
        if (random.nextInt(6) == 0) {
            return "[]";
        }
        List<String> peers = new ArrayList<>();
        int count = 1 + random.nextInt(2);
        for (int i = 0; i < count; i++) {
            switch (random.nextInt(4)) {
                case 0 -> peers.add("{podSelector: " + selector() + "}");
                case 1 -> peers.add("{namespaceSelector: " + namespaceSelector() + "}");
                case 2 -> peers.add("{namespaceSelector: " + namespaceSelector() + ", podSelector: " + selector() + "}");
                default -> peers.add("{ipBlock: {cidr: " + (10 + random.nextInt(3)) + ".0.0.0/8, except: [" + (10 + random.nextInt(3))
                        + "." + random.nextInt(4) + ".0.0/16]}}");
            }
        }
        return "[" + String.join(", ", peers) + "]";
    }

    private String ports() {
        return switch (random.nextInt(5)) {
            case 0 -> "[]";
            case 1 -> "[{port: " + pick(PORT_NAMES) + "}]";
            case 2 -> {
                int first = 8000 + random.nextInt(20);
                yield "[{port: " + first + ", endPort: " + (first + random.nextInt(10)) + "}]";
            }
            case 3 -> "[{port: dns, protocol: UDP}, {port: 53, protocol: TCP}]";
            default -> "[{protocol: SCTP}, {port: " + (8000 + random.nextInt(20)) + "}]";
        };
    }

    private String selector() {
        if (random.nextBoolean()) {
            return "{matchLabels: {app: " + pick(APPS) + "}}";
        }
        String op = pick(OPERATORS);
        String values = op.startsWith("In") || op.startsWith("NotIn") ? ", values: [" + pick(TIERS) + ", " + pick(TIERS) + "]" : "";
        return "{matchExpressions: [{key: tier, operator: " + op + values + "}]}";
    }

    private String namespaceSelector() {
        return random.nextInt(3) == 0 ? "{}" : "{matchLabels: {env: " + (random.nextBoolean() ? "prod" : "dev") + "}}";
    }

    private String pick(String[] options) {
        return options[random.nextInt(options.length)];
    }
}
