package dev.clusterspec.load.age;

import com.exceptionfactory.jagged.RecipientStanzaReader;
import com.exceptionfactory.jagged.x25519.X25519KeyFactory;
import com.exceptionfactory.jagged.x25519.X25519RecipientStanzaReaderFactory;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.spec.SecretKeySpec;

/**
 * One private key that can decrypt files ({@code AGE-SECRET-KEY-1...}), known to the rest of the
 * code by its public key and where it came from; {@link #toString()} never shows the private key.
 */
public final class AgeIdentity {

    private final String secretKey;
    private final String publicKey;
    private final String origin;

    private AgeIdentity(String secretKey, String publicKey, String origin) {
        this.secretKey = secretKey;
        this.publicKey = publicKey;
        this.origin = origin;
    }

    /**
     * @param origin where the key was written, for messages (e.g. "SOPS_AGE_KEY_FILE=/home/me/keys.txt line 3")
     * @throws AgeException if {@code key} is not a valid X25519 identity (the message does not repeat it)
     */
    static AgeIdentity parse(String key, String origin) {
        try {
            // the public key is derived for messages: "tried age1..." names a key without revealing it
            String publicKey = new X25519KeyFactory()
                    .translateKey(new SecretKeySpec(key.getBytes(StandardCharsets.US_ASCII), "X25519")).toString();
            X25519RecipientStanzaReaderFactory.newRecipientStanzaReader(key);
            return new AgeIdentity(key, publicKey, origin);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new AgeException(origin + " is not a valid age identity (its checksum or length is wrong)");
        }
    }

    RecipientStanzaReader reader() {
        try {
            return X25519RecipientStanzaReaderFactory.newRecipientStanzaReader(secretKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("identity checked when parsed", e);
        }
    }

    /** The recipient ({@code age1...}) files must be encrypted for to be readable with this identity. */
    public String publicKey() {
        return publicKey;
    }

    public String origin() {
        return origin;
    }

    @Override
    public String toString() {
        return publicKey + " from " + origin;
    }
}
