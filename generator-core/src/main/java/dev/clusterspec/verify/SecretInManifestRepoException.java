package dev.clusterspec.verify;

import dev.clusterspec.UserError;
import dev.clusterspec.secretscan.SecretFinding;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The manifest repo would hold secret material (a Secret object, a private key, a token). The repo
 * is published, so the generator refuses; findings name file, line and kind, never the value.
 */
public final class SecretInManifestRepoException extends RuntimeException implements UserError {

    private final transient List<SecretFinding> findings;

    public SecretInManifestRepoException(List<SecretFinding> findings) {
        super("the manifest repo must not hold secrets, but " + findings.size() + " finding(s) came up; secrets belong in the"
                + " Talos inline manifests (a component's secretManifests):\n" + findings.stream().map(f -> "  " + f).collect(Collectors.joining("\n")));
        this.findings = List.copyOf(findings);
    }

    public List<SecretFinding> findings() {
        return findings;
    }
}
