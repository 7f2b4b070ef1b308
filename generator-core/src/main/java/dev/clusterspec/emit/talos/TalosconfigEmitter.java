package dev.clusterspec.emit.talos;

import dev.clusterspec.load.bundle.ClientCertificate;
import dev.clusterspec.yaml.GoYaml;
import dev.clusterspec.load.bundle.SecretsBundle;
import dev.clusterspec.load.bundle.TalosCertificates;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * Renders a talosconfig (the talosctl client configuration) with one context, in the layout
 * talosctl writes ({@code yaml.v3} marshalling of its {@code Config} struct):
 *
 * <pre>
 * context: NAME
 * contexts:
 *     NAME:
 *         endpoints:
 *             - 10.0.0.11
 *         nodes:
 *             - 10.0.0.11
 *         ca: base64 of the OS CA certificate PEM
 *         crt: base64 of the client certificate PEM
 *         key: base64 of the client key PEM
 * </pre>
 *
 * {@code endpoints} is always written ({@code []} when empty, as talosctl does); {@code nodes} only
 * when there are any. Endpoints are the apid addresses of control-plane nodes, not the Kubernetes
 * API endpoint. Lists are written in the order given; the caller decides it (sorted, for stable output).
 */
public final class TalosconfigEmitter {

    private TalosconfigEmitter() {
    }

    /**
     * A talosconfig with an {@code os:admin} certificate issued reproducibly from {@code bundle}
     * ({@link TalosCertificates#issueAdminClientCert}); same inputs within one renewal window give
     * the same bytes.
     */
    public static String render(String contextName, List<String> endpoints, List<String> nodes, SecretsBundle bundle,
                                Clock clock) {
        ClientCertificate admin = TalosCertificates.issueAdminClientCert(bundle, clock);
        return render(contextName, endpoints, nodes, bundle.certs().os().certificatePem(), admin);
    }

    /** A talosconfig for a given client certificate; {@code caCertificatePem} is the OS CA certificate. */
    public static String render(String contextName, List<String> endpoints, List<String> nodes,
                                String caCertificatePem, ClientCertificate client) {
        Objects.requireNonNull(contextName, "contextName");
        if (contextName.isBlank()) {
            throw new IllegalArgumentException("talosconfig context name must not be empty");
        }
        requireEntries(endpoints, "endpoints");
        requireEntries(nodes, "nodes");
        String indent1 = GoYaml.INDENT;
        String indent2 = GoYaml.INDENT.repeat(2);
        String indent3 = GoYaml.INDENT.repeat(3);
        StringBuilder out = new StringBuilder(4096);
        out.append("context: ").append(GoYaml.scalar(contextName)).append('\n');
        out.append("contexts:\n");
        out.append(indent1).append(GoYaml.scalar(contextName, true)).append(":\n");
        if (endpoints.isEmpty()) {
            out.append(indent2).append("endpoints: []\n");
        } else {
            out.append(indent2).append("endpoints:\n");
            endpoints.forEach(e -> out.append(indent3).append("- ").append(GoYaml.scalar(e)).append('\n'));
        }
        if (!nodes.isEmpty()) {
            out.append(indent2).append("nodes:\n");
            nodes.forEach(n -> out.append(indent3).append("- ").append(GoYaml.scalar(n)).append('\n'));
        }
        out.append(indent2).append("ca: ").append(SecretsBundle.base64(caCertificatePem)).append('\n');
        out.append(indent2).append("crt: ").append(client.certificateBase64()).append('\n');
        out.append(indent2).append("key: ").append(client.keyBase64()).append('\n');
        return out.toString();
    }

    private static void requireEntries(List<String> values, String name) {
        Objects.requireNonNull(values, name);
        for (String value : values) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("talosconfig " + name + " must not contain empty entries");
            }
        }
    }
}
