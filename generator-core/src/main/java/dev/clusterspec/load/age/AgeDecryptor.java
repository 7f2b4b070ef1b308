package dev.clusterspec.load.age;

import com.exceptionfactory.jagged.DecryptingChannelFactory;
import com.exceptionfactory.jagged.RecipientStanzaReader;
import com.exceptionfactory.jagged.UnsupportedRecipientStanzaException;
import com.exceptionfactory.jagged.framework.armor.ArmoredDecryptingChannelFactory;
import com.exceptionfactory.jagged.framework.stream.StandardDecryptingChannelFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Decrypts age files in memory with every identity the user has set. The plaintext goes back to the
 * caller only: it is never written, logged or put in a message. Age files do not record whom they
 * are encrypted for, so when no identity fits, the message names the recipients the spec says the
 * file is for and the identities tried, by public key.
 */
public final class AgeDecryptor {

    private final AgeKeySources sources;
    private final List<AgeRecipient> intended;
    private AgeIdentities identities;

    /**
     * @param sources where identities come from; read at the first decryption
     * @param intended the recipients the spec lists (secrets.ageRecipients), for messages; may be empty
     */
    public AgeDecryptor(AgeKeySources sources, List<AgeRecipient> intended) {
        this.sources = sources;
        this.intended = List.copyOf(intended);
    }

    /**
     * @param name the file as the user knows it (a path relative to the spec, or as configured), for messages
     * @throws AgeException if the file is not an age file, no identity fits, or it fails authentication
     */
    public byte[] decrypt(byte[] encrypted, String name) {
        AgeHeader header = AgeHeader.peek(encrypted).orElseThrow(() -> new AgeException(name + ": not an age file (it starts"
                + " neither with " + AgeHeader.VERSION_LINE + " nor with " + AgeHeader.ARMOR_BEGIN + "). Files named *.age are"
                + " decrypted: encrypt it with mvn cluster:encrypt (or age -r), or take .age off its name"));
        if (!header.hasX25519()) {
            throw new AgeException(name + ": " + unsupported(header));
        }
        AgeIdentities available;
        try {
            available = identities();
        } catch (AgeException e) {
            throw new AgeException(name + ": cannot load the age identities to decrypt it: " + e.getMessage());
        }
        if (available.isEmpty()) {
            throw new AgeException(name + ": it is age-encrypted and no age identity is set; " + AgeKeySources.howToSet()
                    + ". " + forWhom());
        }
        List<RecipientStanzaReader> readers = available.all().stream().map(AgeIdentity::reader).toList();
        DecryptingChannelFactory factory = header.armored() ? new ArmoredDecryptingChannelFactory() : new StandardDecryptingChannelFactory();
        try (ReadableByteChannel plain = factory.newDecryptingChannel(Channels.newChannel(new ByteArrayInputStream(encrypted)), readers)) {
            return Channels.newInputStream(plain).readAllBytes();
        } catch (UnsupportedRecipientStanzaException e) {
            throw new AgeException(name + ": none of the age identities tried can decrypt it (tried " + available.describe() + "). "
                    + forWhom() + " " + whatToDo(available, name));
        } catch (GeneralSecurityException | IOException e) {
            throw new AgeException(name + ": the file is damaged or was changed after it was encrypted (it fails age's"
                    + " authentication); restore it from Git or encrypt the secret again");
        }
    }

    private synchronized AgeIdentities identities() {
        if (identities == null) {
            identities = sources.load();
        }
        return identities;
    }

    private static String unsupported(AgeHeader header) {
        if (header.stanzaTypes().contains("scrypt")) {
            return "it is encrypted with a passphrase (age -p); clusterspec reads files encrypted for X25519 recipients only"
                    + " (passphrase files need scrypt, which it does not include): encrypt it with mvn cluster:encrypt or age -r age1...";
        }
        return "it is encrypted for recipients of type " + String.join(", ", header.stanzaTypes())
                + "; clusterspec supports X25519 recipients (age1...) only: encrypt it with mvn cluster:encrypt or age -r age1...";
    }

    private String forWhom() {
        if (intended.isEmpty()) {
            return "An age file does not record whom it is for, and the spec lists no secrets.ageRecipients to say so.";
        }
        return "It should be encrypted for the spec's recipients (secrets.ageRecipients): "
                + intended.stream().map(AgeRecipient::value).collect(Collectors.joining(", ")) + ".";
    }

    private String whatToDo(AgeIdentities tried, String name) {
        Optional<AgeIdentity> listed = tried.all().stream()
                .filter(id -> intended.stream().anyMatch(r -> r.value().equals(id.publicKey()))).findFirst();
        if (listed.isPresent()) {
            return "Your key " + listed.get().publicKey() + " is one of them, so this file was encrypted for others:"
                    + " have someone who can read it run mvn cluster:encrypt -Dcluster.file=" + name + " to encrypt it for the spec's recipients.";
        }
        return "Use the identity of one of those recipients (" + AgeKeySources.howToSet() + "),"
                + " or have someone who can read it add your public key to secrets.ageRecipients and encrypt it again.";
    }
}
