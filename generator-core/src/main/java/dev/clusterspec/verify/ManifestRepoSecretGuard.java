package dev.clusterspec.verify;

import dev.clusterspec.emit.OutputFile;
import dev.clusterspec.secretscan.SecretFinding;
import dev.clusterspec.secretscan.SecretScanner;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The last check before the manifest repo is written (it is pushed to Git): no Secret object, key or
 * token in any file. One scan per run, over exactly the bytes about to be written.
 */
public final class ManifestRepoSecretGuard {

    private ManifestRepoSecretGuard() {}

    /** @param files the repo's files, paths relative to the repo */
    public static void refuseSecrets(List<OutputFile> files) {
        Map<String, byte[]> byPath = new TreeMap<>();
        for (OutputFile file : files) {
            byPath.put(file.path(), file.content());
        }
        List<SecretFinding> findings = new SecretScanner().scan(byPath);
        if (!findings.isEmpty()) {
            throw new SecretInManifestRepoException(findings);
        }
    }
}
