package dev.clusterspec.load.age;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * What the start of a file says before any key is tried: whether it is an age file at all, armored
 * (text) or binary, and the types of its recipient stanzas ({@code X25519}, {@code scrypt}, ...).
 * Only for choosing the reader and for messages; the library checks the header itself.
 */
record AgeHeader(boolean armored, List<String> stanzaTypes) {

    static final String VERSION_LINE = "age-encryption.org/v1";
    static final String ARMOR_BEGIN = "-----BEGIN AGE ENCRYPTED FILE-----";
    private static final String ARMOR_END = "-----END AGE ENCRYPTED FILE-----";
    private static final String STANZA = "-> ";
    private static final String MAC = "---";

    /** The header of {@code bytes}, or empty when they do not start like an age file. */
    static Optional<AgeHeader> peek(byte[] bytes) {
        String start = new String(bytes, 0, Math.min(bytes.length, 64), StandardCharsets.ISO_8859_1).stripLeading();
        if (start.startsWith(ARMOR_BEGIN)) {
            return unarmor(new String(bytes, StandardCharsets.ISO_8859_1)).flatMap(binary -> read(binary, true));
        }
        return read(bytes, false);
    }

    /** The header lists X25519 stanzas, so an identity may match. */
    boolean hasX25519() {
        return stanzaTypes.contains("X25519");
    }

    private static Optional<AgeHeader> read(byte[] bytes, boolean armored) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        String[] lines = text.split("\n", -1);
        if (lines.length < 2 || !lines[0].equals(VERSION_LINE)) {
            return Optional.empty();
        }
        List<String> types = new ArrayList<>();
        for (int i = 1; i < lines.length && !lines[i].startsWith(MAC); i++) {
            if (lines[i].startsWith(STANZA)) {
                String[] words = lines[i].substring(STANZA.length()).split(" ");
                types.add(words[0]);
            }
        }
        return Optional.of(new AgeHeader(armored, List.copyOf(types)));
    }

    private static Optional<byte[]> unarmor(String text) {
        int begin = text.indexOf(ARMOR_BEGIN);
        int end = text.indexOf(ARMOR_END);
        if (end < begin) {
            return Optional.empty();
        }
        try {
            return Optional.of(Base64.getMimeDecoder().decode(text.substring(begin + ARMOR_BEGIN.length(), end).strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
