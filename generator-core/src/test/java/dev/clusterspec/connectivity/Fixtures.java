package dev.clusterspec.connectivity;

/** Small manifest builders for tests; each returns one YAML document. */
final class Fixtures {
    private Fixtures() {
    }

    static String namespace(String name, String labels) {
        return """
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: %s
                  labels: {%s}
                """.formatted(name, labels);
    }

    /** A Deployment whose pods carry {@code labels} and declare {@code ports} (a YAML flow list). */
    static String deployment(String namespace, String name, String labels, String ports) {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: %s
                  namespace: %s
                spec:
                  replicas: 2
                  template:
                    metadata:
                      labels: {%s}
                    spec:
                      containers:
                        - name: main
                          image: example
                          ports: %s
                """.formatted(name, namespace, labels, ports);
    }

    static String deployment(String namespace, String name, String labels) {
        return deployment(namespace, name, labels, "[]");
    }

    static String analyze(String... documents) {
        ManifestSet manifests = KubeObjectReader.readString("test.yaml", String.join("---\n", documents));
        return ConnectivityAnalyzer.analyze(manifests.objects()).toText();
    }

    static ConnectivityResult result(String... documents) {
        ManifestSet manifests = KubeObjectReader.readString("test.yaml", String.join("---\n", documents));
        return ConnectivityAnalyzer.analyze(manifests.objects());
    }

    static String lines(String... lines) {
        return String.join("\n", lines) + "\n";
    }
}
