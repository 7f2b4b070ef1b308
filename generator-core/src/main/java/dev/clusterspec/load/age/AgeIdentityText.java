package dev.clusterspec.load.age;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The identities in an age identity file (as {@code age-keygen} writes it) or in {@code SOPS_AGE_KEY}:
 * one {@code AGE-SECRET-KEY-1...} per line, {@code #} comments and blank lines ignored. Lines that are
 * something else are reported by number, never by content.
 */
final class AgeIdentityText {

    private AgeIdentityText() {
    }

    /** @param source where the text comes from, for messages and each identity's origin */
    static List<AgeIdentity> parse(String text, String source) {
        String trimmed = text.strip();
        if (trimmed.startsWith("age-encryption.org/") || trimmed.startsWith(AgeHeader.ARMOR_BEGIN)) {
            throw new AgeException(source + " is itself age-encrypted (a passphrase-protected identity file): clusterspec cannot"
                    + " read passphrase-encrypted files (no scrypt support); give it an identity file in plain form, readable by you only");
        }
        List<AgeIdentity> identities = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            String at = source + " line " + (i + 1);
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String upper = line.toUpperCase(Locale.ROOT);
            if (upper.startsWith("AGE-PLUGIN-")) {
                throw new AgeException(at + " is an age plugin identity; clusterspec supports X25519 identities (AGE-SECRET-KEY-1...) only");
            }
            if (line.startsWith("-----BEGIN") || line.startsWith("ssh-")) {
                throw new AgeException(at + " is an SSH key; clusterspec supports X25519 identities (AGE-SECRET-KEY-1...) only");
            }
            if (!upper.startsWith("AGE-SECRET-KEY-1")) {
                throw new AgeException(at + " is not an age identity: expected AGE-SECRET-KEY-1..., a # comment or a blank line");
            }
            identities.add(AgeIdentity.parse(line, at));
        }
        if (identities.isEmpty()) {
            throw new AgeException(source + " holds no age identity (a line AGE-SECRET-KEY-1..., as age-keygen writes it)");
        }
        return identities;
    }
}
