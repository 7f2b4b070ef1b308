package dev.clusterspec.load.age;

import com.exceptionfactory.jagged.RecipientStanzaWriter;
import com.exceptionfactory.jagged.framework.stream.StandardEncryptingChannelFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.security.GeneralSecurityException;
import java.util.List;

/**
 * Encrypts in memory for X25519 recipients, in age's binary format (what {@code age -r} writes). The
 * result differs on every call (a fresh file key and ephemeral key each time), which is why inputs
 * are fingerprinted by their decrypted content.
 */
public final class AgeEncryptor {

    private AgeEncryptor() {
    }

    public static byte[] encrypt(byte[] plaintext, List<AgeRecipient> recipients) {
        if (recipients.isEmpty()) {
            throw new AgeException("no age recipients to encrypt for: list them in the spec's secrets.ageRecipients"
                    + " (or give -Dcluster.ageRecipients=age1...)");
        }
        List<RecipientStanzaWriter> writers = recipients.stream().map(AgeRecipient::writer).toList();
        ByteArrayOutputStream out = new ByteArrayOutputStream(plaintext.length + 512);
        try (WritableByteChannel channel = new StandardEncryptingChannelFactory().newEncryptingChannel(Channels.newChannel(out), writers)) {
            ByteBuffer buffer = ByteBuffer.wrap(plaintext);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("age encryption failed: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }
}
