package dev.clusterspec.emit.manifests;

import dev.clusterspec.emit.OutputFile;
import dev.clusterspec.secretscan.SecretFinding;
import dev.clusterspec.secretscan.SecretScanner;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The last check before the repo content leaves the emitter: no Secret object, key or token in any file. */
final class RepoSecretGuard {

    private final SecretScanner scanner = new SecretScanner();

    void check(List<OutputFile> files) {
        Map<String, byte[]> byPath = new TreeMap<>();
        for (OutputFile file : files) {
            byPath.put(file.path(), file.content());
        }
        List<SecretFinding> findings = scanner.scan(byPath);
        if (!findings.isEmpty()) {
            throw new SecretInManifestRepoException(findings);
        }
    }
}
