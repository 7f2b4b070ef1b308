package dev.clusterspec.load.age;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

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
 * When a file cannot be decrypted the message names the file, the recipients the spec says it is
 * for and the identities tried (by public key), and says what to do; it never holds a private key
 * or a decrypted byte.
 */
class AgeDecryptorTest {

    private static final byte[] CANARY = "CANARY-age-plaintext-4f1c\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private Path owner;
    private Path stranger;
    private String ownerRecipient;
    private String strangerRecipient;

    @BeforeEach
    void keys() {
        owner = dir.resolve("owner.txt");
        stranger = dir.resolve("stranger.txt");
        ownerRecipient = AgeCli.keygen(owner);
        strangerRecipient = AgeCli.keygen(stranger);
    }

    private AgeException failure(AgeKeySources keys, List<String> intended, byte[] file) {
        AgeDecryptor decryptor = new AgeDecryptor(keys, intended.stream().map(AgeRecipient::new).toList());
        AgeException e = catchThrowableOfType(AgeException.class, () -> decryptor.decrypt(file, "secrets/token.age"));
        assertThat(e).as("decryption must fail").isNotNull();
        assertThat(e.getMessage()).startsWith("secrets/token.age: ").doesNotContain("CANARY").doesNotContainPattern("AGE-SECRET-KEY-1[0-9A-Z]{10}");
        return e;
    }

    @Test
    void aWrongIdentityNamesTheRecipientsTheFileIsForAndTheKeyTried() {
        byte[] forOwner = AgeCli.encrypt(CANARY, false, ownerRecipient);
        AgeException e = failure(new AgeKeySources(stranger, name -> null), List.of(ownerRecipient), forOwner);
        assertThat(e.getMessage())
                .contains("none of the age identities tried can decrypt it (tried " + strangerRecipient + " from cluster.ageIdentity=" + stranger + " line 3)")
                .contains("It should be encrypted for the spec's recipients (secrets.ageRecipients): " + ownerRecipient)
                .contains("Use the identity of one of those recipients");
    }

    @Test
    void aListedRecipientWhoseKeyDoesNotFitIsToldTheFileWasEncryptedForOthers() {
        byte[] forStranger = AgeCli.encrypt(CANARY, false, strangerRecipient);
        AgeException e = failure(new AgeKeySources(owner, name -> null), List.of(ownerRecipient), forStranger);
        assertThat(e.getMessage()).contains("Your key " + ownerRecipient + " is one of them, so this file was encrypted for others")
                .contains("mvn cluster:encrypt -Dcluster.file=secrets/token.age");
    }

    @Test
    void noIdentitySaysHowToSetOne() {
        byte[] forOwner = AgeCli.encrypt(CANARY, false, ownerRecipient);
        AgeException e = failure(new AgeKeySources(null, name -> null), List.of(), forOwner);
        assertThat(e.getMessage()).contains("it is age-encrypted and no age identity is set; set SOPS_AGE_KEY_FILE")
                .contains("the spec lists no secrets.ageRecipients");
    }

    @Test
    void aPassphraseFileIsRefusedAsUnsupported() throws IOException {
        byte[] withPassphrase = AgeCli.encryptWithPassphrase(dir, CANARY);
        AgeException e = failure(new AgeKeySources(owner, name -> null), List.of(ownerRecipient), withPassphrase);
        assertThat(e.getMessage()).contains("it is encrypted with a passphrase (age -p)").contains("mvn cluster:encrypt");
    }

    @Test
    void aChangedFileFailsAuthentication() {
        byte[] forOwner = AgeCli.encrypt(CANARY, false, ownerRecipient);
        forOwner[forOwner.length - 5] ^= 1;
        AgeException e = failure(new AgeKeySources(owner, name -> null), List.of(ownerRecipient), forOwner);
        assertThat(e.getMessage()).contains("the file is damaged or was changed after it was encrypted");
    }

    @Test
    void aPlainFileNamedAgeIsNotTakenForOne() {
        AgeException e = failure(new AgeKeySources(owner, name -> null), List.of(), CANARY);
        assertThat(e.getMessage()).contains("not an age file").contains("take .age off its name");
    }

    @Test
    void identitySourcesThatAreWrongAreNamedByLineNeverByContent() throws IOException {
        byte[] forOwner = AgeCli.encrypt(CANARY, false, ownerRecipient);
        String key = Files.readAllLines(owner).get(2);
        Map<String, String> missing = Map.of(AgeKeySources.KEY_FILE_VARIABLE, dir.resolve("nope.txt").toString());
        assertThat(failure(new AgeKeySources(null, missing::get), List.of(), forOwner).getMessage())
                .contains("SOPS_AGE_KEY_FILE=" + dir.resolve("nope.txt") + ": no such file");

        Map<String, String> garbled = Map.of(AgeKeySources.KEY_VARIABLE, "# mine\n" + key.substring(0, key.length() - 2) + "zz\n");
        assertThat(failure(new AgeKeySources(null, garbled::get), List.of(), forOwner).getMessage())
                .endsWith(": cannot load the age identities to decrypt it: SOPS_AGE_KEY line 2 is not a valid age identity (its checksum or length is wrong)");

        Path ssh = Files.writeString(dir.resolve("id_ed25519"), "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n");
        assertThat(failure(new AgeKeySources(ssh, name -> null), List.of(), forOwner).getMessage())
                .contains("line 1 is an SSH key").doesNotContain("b3BlbnNzaC1rZXktdjEAAAAA");

        Path protectedKey = Files.write(dir.resolve("protected.txt"), AgeCli.encrypt(Files.readAllBytes(owner), true, strangerRecipient));
        assertThat(failure(new AgeKeySources(protectedKey, name -> null), List.of(), forOwner).getMessage())
                .contains("is itself age-encrypted").contains("no scrypt support");
    }

    @Test
    void aPrivateKeyGivenAsRecipientIsNotRepeated() throws IOException {
        String key = Files.readAllLines(owner).get(2);
        AgeException e = catchThrowableOfType(AgeException.class, () -> AgeRecipient.parseList(ownerRecipient + "," + key, "cluster.ageRecipients"));
        assertThat(e.getMessage()).isEqualTo("cluster.ageRecipients (value 2 of 2): this is a private key (an identity), not a recipient:"
                + " give its public key (age-keygen -y <key file>) and keep the private key out of the spec and the command line");
        assertThat(AgeRecipient.parseList(" " + ownerRecipient + ",\n" + strangerRecipient + " ", "x"))
                .extracting(AgeRecipient::value).containsExactly(ownerRecipient, strangerRecipient);
    }
}
