package dev.clusterspec.load.age;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interoperable both ways with the age command line: what {@code age -r} encrypts (binary or
 * armored, for one or several recipients) decrypts here with keys from every source, and what is
 * encrypted here decrypts with {@code age -d -i} to the same bytes.
 */
class AgeInteropTest {

    /** Not text only: every byte value, and the trailing newline editors add. */
    private static final byte[] PLAINTEXT = plaintext();

    @TempDir
    Path dir;

    private Path alice;
    private Path bob;
    private String aliceRecipient;
    private String bobRecipient;

    private static byte[] plaintext() {
        byte[] bytes = new byte[256 + 70_000];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31);
        }
        bytes[bytes.length - 1] = '\n';
        return bytes;
    }

    @BeforeEach
    void keys() {
        alice = dir.resolve("alice.txt");
        bob = dir.resolve("bob.txt");
        aliceRecipient = AgeCli.keygen(alice);
        bobRecipient = AgeCli.keygen(bob);
    }

    private static AgeDecryptor decryptor(AgeKeySources keys) {
        return new AgeDecryptor(keys, List.of());
    }

    @Test
    void whatTheCliEncryptsDecryptsWithAnIdentityFile() {
        AgeDecryptor withAlice = decryptor(new AgeKeySources(alice, name -> null));
        assertThat(withAlice.decrypt(AgeCli.encrypt(PLAINTEXT, false, aliceRecipient), "binary.age")).isEqualTo(PLAINTEXT);
        assertThat(withAlice.decrypt(AgeCli.encrypt(PLAINTEXT, true, aliceRecipient), "armored.age")).isEqualTo(PLAINTEXT);
        assertThat(withAlice.decrypt(AgeCli.encrypt(PLAINTEXT, false, bobRecipient, aliceRecipient), "two.age")).isEqualTo(PLAINTEXT);
    }

    @Test
    void whatTheCliEncryptsDecryptsWithTheSopsVariables() throws IOException {
        byte[] forBob = AgeCli.encrypt(PLAINTEXT, false, bobRecipient);
        Map<String, String> keyFile = Map.of(AgeKeySources.KEY_FILE_VARIABLE, bob.toString());
        assertThat(decryptor(new AgeKeySources(null, keyFile::get)).decrypt(forBob, "f.age")).isEqualTo(PLAINTEXT);

        // SOPS_AGE_KEY holds the key file's content: comments and several keys, the matching one last
        String keys = Files.readString(alice) + Files.readString(bob);
        Map<String, String> key = Map.of(AgeKeySources.KEY_VARIABLE, keys);
        assertThat(decryptor(new AgeKeySources(null, key::get)).decrypt(forBob, "f.age")).isEqualTo(PLAINTEXT);
    }

    @Test
    void whatIsEncryptedHereDecryptsWithTheCliForEveryRecipient() {
        byte[] encrypted = AgeEncryptor.encrypt(PLAINTEXT, List.of(new AgeRecipient(aliceRecipient), new AgeRecipient(bobRecipient)));
        assertThat(new String(encrypted, 0, 21, StandardCharsets.US_ASCII)).isEqualTo("age-encryption.org/v1");
        assertThat(AgeCli.decrypt(encrypted, alice)).isEqualTo(PLAINTEXT);
        assertThat(AgeCli.decrypt(encrypted, bob)).isEqualTo(PLAINTEXT);
    }

    @Test
    void everyEncryptionIsDifferentAndDecryptsToTheSameBytes() {
        List<AgeRecipient> recipients = List.of(new AgeRecipient(aliceRecipient));
        byte[] once = AgeEncryptor.encrypt(PLAINTEXT, recipients);
        byte[] twice = AgeEncryptor.encrypt(PLAINTEXT, recipients);
        assertThat(once).isNotEqualTo(twice);
        AgeDecryptor withAlice = decryptor(new AgeKeySources(alice, name -> null));
        assertThat(withAlice.decrypt(once, "once.age")).isEqualTo(withAlice.decrypt(twice, "twice.age")).isEqualTo(PLAINTEXT);
    }

    @Test
    void theIdentitysPublicKeyIsTheOneAgeKeygenPrints() {
        AgeIdentities loaded = new AgeKeySources(alice, name -> null).load();
        assertThat(loaded.all()).extracting(AgeIdentity::publicKey).containsExactly(aliceRecipient);
        assertThat(loaded.describe()).isEqualTo(aliceRecipient + " from cluster.ageIdentity=" + alice + " line 3");
    }
}
