package dev.clusterspec.secretscan;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Line-by-line detectors for secret material that has a recognisable shape whatever file it is in:
 * PEM private keys (plain or base64-encoded as in Kubernetes data fields), age identities, vendor tokens with
 * fixed prefixes, JSON Web Tokens and passwords inside URLs. Each pattern is anchored on a prefix
 * that ordinary manifests do not contain, so that hex digests, names and labels never match.
 */
final class TextSecretPatterns {

    static final String PEM_PRIVATE_KEY = "PEM private key";
    static final String BASE64_PEM_PRIVATE_KEY = "base64-encoded PEM private key";

    private record Detector(String what, Pattern pattern) {
    }

    private static final List<Detector> TOKENS = List.of(
            new Detector(PEM_PRIVATE_KEY,
                    Pattern.compile("-----BEGIN [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----")),
            // current keys look like tskey-auth-<id>-<secret>; keys from before 2022 were tskey-<hex>
            new Detector("Tailscale key (tskey-...)",
                    Pattern.compile("\\btskey-(?:[a-z]+-[A-Za-z0-9]{4,}-[A-Za-z0-9]{8,}|[0-9a-f]{24,})")),
            new Detector("GitHub token",
                    Pattern.compile("\\b(?:gh[pousr]_[A-Za-z0-9]{36}\\b|github_pat_[A-Za-z0-9_]{40,})")),
            new Detector("AWS access key id",
                    Pattern.compile("\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b")),
            new Detector("Grafana token",
                    Pattern.compile("\\b(?:glc_[A-Za-z0-9+/=_-]{32,}|glsa_[A-Za-z0-9]{32}_[0-9a-f]{8}\\b)")),
            new Detector("Slack token",
                    Pattern.compile("\\bxox[baprs]-[A-Za-z0-9-]{10,}")),
            // an age identity (private key): the one key that decrypts the project's *.age secrets
            new Detector("age identity (AGE-SECRET-KEY-1...)",
                    Pattern.compile("\\bAGE-SECRET-KEY-1[02-9AC-HJ-NP-Z]{58}\\b")),
            new Detector("JSON Web Token",
                    Pattern.compile("\\beyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,}")));

    /** "-----BEGIN" encoded as base64 from the start of the value. */
    private static final Pattern BASE64_PEM = Pattern.compile("LS0tLS1CRUdJTi[A-Za-z0-9+/=]{16,}");

    private static final Pattern URL_PASSWORD =
            Pattern.compile("\\b[a-zA-Z][a-zA-Z0-9+.-]*://[^/\\s:@'\"]+:([^/\\s@'\"]+)@");

    private TextSecretPatterns() {
    }

    /**
     * Text that every match of a detector above starts with (the URL detector: its {@code ://}). A line
     * holding none of them cannot match, and plain {@code indexOf} finds them in a whole file far faster
     * than ten regular expressions per line would reject it.
     */
    private static final List<String> ANCHORS = List.of("-----BEGIN", "tskey-", "ghp_", "gho_", "ghu_", "ghs_", "ghr_",
            "github_pat_", "AKIA", "ASIA", "glc_", "glsa_", "xoxb-", "xoxa-", "xoxp-", "xoxr-", "xoxs-", "AGE-SECRET-KEY-1",
            "eyJ", "LS0tLS1CRUdJTi", "://");

    /** Every token-shaped finding in {@code text}, one per line and kind. */
    static List<SecretFinding> scan(String file, String text) {
        List<SecretFinding> findings = new ArrayList<>();
        int lineNumber = 1;
        int counted = 0;
        for (int start : linesWithAnAnchor(text)) {
            for (; counted < start; counted++) {
                if (text.charAt(counted) == '\n') {
                    lineNumber++;
                }
            }
            int end = text.indexOf('\n', start);
            scanLine(file, text.substring(start, end < 0 ? text.length() : end), lineNumber, findings);
        }
        return findings;
    }

    /** Where each line that holds an anchor starts, in text order. */
    private static TreeSet<Integer> linesWithAnAnchor(String text) {
        TreeSet<Integer> starts = new TreeSet<>();
        for (String anchor : ANCHORS) {
            for (int at = text.indexOf(anchor); at >= 0; at = text.indexOf(anchor, at + anchor.length())) {
                starts.add(text.lastIndexOf('\n', at) + 1);
            }
        }
        return starts;
    }

    private static void scanLine(String file, String line, int lineNumber, List<SecretFinding> findings) {
        for (Detector detector : TOKENS) {
            if (detector.pattern().matcher(line).find()) {
                findings.add(new SecretFinding(file, lineNumber, detector.what()));
            }
        }
        if (hasBase64PemPrivateKey(line)) {
            findings.add(new SecretFinding(file, lineNumber, BASE64_PEM_PRIVATE_KEY));
        }
        if (hasPasswordInUrl(line)) {
            findings.add(new SecretFinding(file, lineNumber, "password in a URL"));
        }
    }

    private static boolean hasBase64PemPrivateKey(String line) {
        Matcher m = BASE64_PEM.matcher(line);
        while (m.find()) {
            String encoded = m.group();
            // the PEM header fits in the first 80 base64 characters; decode only whole quads
            int length = Math.min(encoded.length(), 80) / 4 * 4;
            try {
                String decoded = new String(Base64.getDecoder().decode(encoded.substring(0, length)),
                        StandardCharsets.ISO_8859_1);
                int headerEnd = decoded.indexOf("-----", "-----BEGIN".length());
                String header = headerEnd < 0 ? decoded : decoded.substring(0, headerEnd);
                if (header.contains("PRIVATE KEY")) {
                    return true;
                }
            } catch (IllegalArgumentException notBase64) {
                // padding in the middle: not one base64 value, so not an encoded key
            }
        }
        return false;
    }

    private static boolean hasPasswordInUrl(String line) {
        Matcher m = URL_PASSWORD.matcher(line);
        while (m.find()) {
            String password = m.group(1);
            if (!SecretValueHeuristics.isPlaceholder(password) && !password.matches("[*xX]+")) {
                return true;
            }
        }
        return false;
    }
}
