package dev.clusterspec.secretscan;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import dev.clusterspec.yaml.YamlReadException;

/**
 * Finds secret material in files that are meant to be public, above all the manifest repo: Kubernetes
 * Secret objects, PEM private keys (also base64-encoded), vendor tokens (Tailscale, GitHub, AWS,
 * Grafana, Slack, JWT), passwords in URLs and credential-like values under secret-sounding keys.
 *
 * <p>Findings name file, line and kind only; the secret value never leaves this class. The scanner
 * is tuned for precision: ordinary Kubernetes manifests (RBAC on secrets, secretKeyRef, secret
 * volumes, image digests) give no finding.
 */
public final class SecretScanner {

    private static final Set<String> YAML_EXTENSIONS = Set.of("yaml", "yml", "json");

    /** For files that are not valid YAML: the Secret kind found as text. */
    private static final Pattern TEXTUAL_SECRET_KIND = Pattern.compile(
            "^\\s*(?:-\\s+)?[\"']?kind[\"']?\\s*:\\s*[\"']?Secret[\"']?\\s*(?:#.*)?$|\"kind\"\\s*:\\s*\"Secret\"");
    /** For files that are not valid YAML: {@code key: value} or {@code KEY=value} pairs. */
    private static final Pattern TEXTUAL_KEY_VALUE = Pattern.compile(
            "([A-Za-z0-9_.-]+)[\"']?\\s*[:=]\\s*[\"']?([^\\s\"',}]+)");

    private final YamlSecretWalker yaml = new YamlSecretWalker();

    /**
     * Scans every regular file below {@code folder}; {@code .git} folders and symbolic links are skipped.
     *
     * @return the findings sorted by file and line; empty when nothing was found
     */
    public List<SecretFinding> scan(Path folder) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return dir.getFileName() != null && dir.getFileName().toString().equals(".git")
                        && !dir.equals(folder) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (attrs.isRegularFile()) {
                    String relative = folder.relativize(file).toString().replace('\\', '/');
                    files.put(relative, Files.readAllBytes(file));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return scan(files);
    }

    /**
     * Scans files given as relative path to content.
     *
     * @return the findings sorted by file and line; empty when nothing was found
     */
    public List<SecretFinding> scan(Map<String, byte[]> files) {
        Set<SecretFinding> findings = new TreeSet<>();
        files.forEach((path, content) -> findings.addAll(scanFile(path, content)));
        return List.copyOf(findings);
    }

    /** Scans one file; {@code path} is only used to name it in findings and to pick the parser. */
    public List<SecretFinding> scanFile(String path, byte[] content) {
        String text = decode(content);
        List<SecretFinding> found = new ArrayList<>(TextSecretPatterns.scan(path, text));
        if (isYamlFile(path)) {
            try {
                found.addAll(yaml.scan(path, text));
            } catch (YamlReadException notYaml) {
                found.addAll(scanUnparsedText(path, text));
            }
        } else {
            found.addAll(scanUnparsedText(path, text));
        }
        return withoutGenericDuplicates(found);
    }

    private static boolean isYamlFile(String path) {
        int dot = path.lastIndexOf('.');
        return dot >= 0 && YAML_EXTENSIONS.contains(path.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** Text that no parser understood: look for the Secret kind and key/value credentials line by line. */
    private static List<SecretFinding> scanUnparsedText(String path, String text) {
        List<SecretFinding> findings = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (TEXTUAL_SECRET_KIND.matcher(line).find()) {
                findings.add(new SecretFinding(path, i + 1, "'kind: Secret' line (the file is not valid YAML)"));
            }
            var pair = TEXTUAL_KEY_VALUE.matcher(line);
            while (pair.find()) {
                if (SecretValueHeuristics.isSecretKeyName(pair.group(1))
                        && SecretValueHeuristics.looksLikeSecretValue(pair.group(2))) {
                    findings.add(new SecretFinding(path, i + 1,
                            "credential-like value under key '" + pair.group(1) + "'"));
                    break;
                }
            }
        }
        return findings;
    }

    /** A vendor token also sitting under a key named "token" is reported once, as the vendor token. */
    private static List<SecretFinding> withoutGenericDuplicates(List<SecretFinding> found) {
        Set<Integer> specificLines = new TreeSet<>();
        for (SecretFinding f : found) {
            if (!f.what().startsWith("credential-like")) {
                specificLines.add(f.line());
            }
        }
        List<SecretFinding> kept = new ArrayList<>();
        for (SecretFinding f : found) {
            if (!f.what().startsWith("credential-like") || !specificLines.contains(f.line())) {
                kept.add(f);
            }
        }
        return List.copyOf(new TreeSet<>(kept));
    }

    private static String decode(byte[] content) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException notUtf8) {
            // binary or legacy text: the byte-level shapes (PEM headers, token prefixes) are ASCII
            return new String(content, StandardCharsets.ISO_8859_1);
        }
    }
}
