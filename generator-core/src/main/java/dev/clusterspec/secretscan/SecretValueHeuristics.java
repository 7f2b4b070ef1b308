package dev.clusterspec.secretscan;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides whether a value under a secret-sounding key ("password", "clientSecret", "apiKey", ...)
 * looks like a real credential. Ordinary manifests put names, references and placeholders under
 * such keys ({@code secretName: hubble-server-certs}, {@code token: ${env:TOKEN}}), so a value
 * counts only when it is long, mixes letters and digits, is not a name or a reference, and is
 * not repetitive.
 */
final class SecretValueHeuristics {

    private static final List<String> SECRET_KEY_SUFFIXES = List.of(
            "password", "passwd", "passphrase", "secret", "token", "apikey", "accesskey",
            "secretkey", "privatekey", "authkey", "credential", "credentials");
    private static final Set<String> SECRET_KEY_NAMES = Set.of("auth", "pwd", "pass");

    private static final int MIN_LENGTH = 16;
    private static final double MIN_ENTROPY_BITS_PER_CHAR = 3.0;

    /** ${env:X}, ${X}, $(X), {{ x }}, <x>, %(x)s: values that are filled in later. */
    private static final Pattern PLACEHOLDER =
            Pattern.compile("\\$\\{|\\$\\(|\\{\\{|^<.*>$|%\\(|^(?i:changeme|change-me|replace-?me|redacted|none|null)$");
    /** A Kubernetes object name or DNS name: lowercase parts joined by '-' or '.'. */
    private static final Pattern DNS_NAME = Pattern.compile("[a-z0-9]+(?:[-.][a-z0-9]+)+");
    private static final Pattern ENV_VAR_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Pattern URL = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://.*");

    private SecretValueHeuristics() {
    }

    static boolean isSecretKeyName(String key) {
        if (key == null) {
            return false;
        }
        String normalized = lettersAndDigits(key);
        if (SECRET_KEY_NAMES.contains(normalized)) {
            return true;
        }
        for (String suffix : SECRET_KEY_SUFFIXES) {
            if (normalized.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }

    /** {@code API_Token} and {@code api-token} both as {@code apitoken}; called for every key of every scanned file. */
    private static String lettersAndDigits(String key) {
        StringBuilder out = new StringBuilder(key.length());
        for (int i = 0; i < key.length(); i++) {
            char c = Character.toLowerCase(key.charAt(i));
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                out.append(c);
            }
        }
        return out.toString();
    }

    static boolean isPlaceholder(String value) {
        return PLACEHOLDER.matcher(value).find();
    }

    static boolean looksLikeSecretValue(String value) {
        if (value == null) {
            return false;
        }
        String v = value.strip();
        if (v.length() < MIN_LENGTH || v.chars().anyMatch(Character::isWhitespace)) {
            return false;
        }
        if (isPlaceholder(v) || v.startsWith("/") || v.startsWith("./") || URL.matcher(v).matches()) {
            return false;
        }
        if (ENV_VAR_NAME.matcher(v).matches() || isNameLike(v)) {
            return false;
        }
        boolean hasLetter = v.chars().anyMatch(Character::isLetter);
        boolean hasDigit = v.chars().anyMatch(Character::isDigit);
        return hasLetter && hasDigit && entropy(v) >= MIN_ENTROPY_BITS_PER_CHAR;
    }

    /**
     * Names like {@code hubble-relay-client-certs-2} are made of words; random values split on
     * '-' (UUIDs, base64url) give mostly parts with digits in them.
     */
    private static boolean isNameLike(String v) {
        if (!DNS_NAME.matcher(v).matches()) {
            return false;
        }
        String[] parts = v.split("[-.]");
        long wordParts = Arrays.stream(parts).filter(p -> p.chars().noneMatch(Character::isDigit)).count();
        return wordParts * 2 >= parts.length;
    }

    /** Shannon entropy in bits per character. */
    static double entropy(String v) {
        Map<Integer, Integer> counts = new HashMap<>();
        v.codePoints().forEach(c -> counts.merge(c, 1, Integer::sum));
        double length = v.codePointCount(0, v.length());
        double bits = 0;
        for (int count : counts.values()) {
            double p = count / length;
            bits -= p * (Math.log(p) / Math.log(2));
        }
        return bits;
    }
}
