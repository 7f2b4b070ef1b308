package dev.clusterspec.load.age;

import com.exceptionfactory.jagged.RecipientStanzaWriter;
import com.exceptionfactory.jagged.x25519.X25519RecipientStanzaWriterFactory;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A public key files are encrypted for: {@code age1...}, as {@code age-keygen} prints it. */
public record AgeRecipient(String value) {

    public AgeRecipient {
        Optional<String> problem = problem(value);
        if (problem.isPresent()) {
            throw new AgeException(problem.get());
        }
    }

    /**
     * What is wrong with {@code value} as a recipient, if anything. The value itself is not repeated:
     * a private key pasted by mistake must not end up in a log.
     */
    public static Optional<String> problem(String value) {
        if (value.toUpperCase(Locale.ROOT).startsWith("AGE-SECRET-KEY-")) {
            return Optional.of("this is a private key (an identity), not a recipient: give its public key (age-keygen -y <key file>)"
                    + " and keep the private key out of the spec and the command line");
        }
        if (!value.startsWith("age1")) {
            return Optional.of("not an age X25519 recipient: a recipient starts with age1 (ssh and plugin recipients are not supported)");
        }
        try {
            X25519RecipientStanzaWriterFactory.newRecipientStanzaWriter(value);
            return Optional.empty();
        } catch (GeneralSecurityException | RuntimeException e) {
            return Optional.of("not a valid age X25519 recipient (its checksum or length is wrong): copy it again from age-keygen -y");
        }
    }

    /** Comma- or whitespace-separated recipients, as given on a command line; empty for none. */
    public static List<AgeRecipient> parseList(String text, String what) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return listOf(List.of(text.trim().split("[,\\s]+")), what);
    }

    /**
     * Recipients from a list of values; {@code what} names the list in the message about a bad one
     * (e.g. "cluster.ageRecipients").
     */
    public static List<AgeRecipient> listOf(List<String> values, String what) {
        List<AgeRecipient> out = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            Optional<String> problem = problem(values.get(i));
            if (problem.isPresent()) {
                throw new AgeException(what + " (value " + (i + 1) + " of " + values.size() + "): " + problem.get());
            }
            out.add(new AgeRecipient(values.get(i)));
        }
        return out;
    }

    RecipientStanzaWriter writer() {
        try {
            return X25519RecipientStanzaWriterFactory.newRecipientStanzaWriter(value);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("recipient checked when made", e);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
