package dev.clusterspec.load.age;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Where the identities that decrypt {@code *.age} files come from: an identity file given to the
 * build ({@code -Dcluster.ageIdentity}), and the variables sops users already set,
 * {@code SOPS_AGE_KEY_FILE} (a path) and {@code SOPS_AGE_KEY} (the keys themselves). Every identity
 * found is tried. They are read only when an encrypted file is met, so a project without one needs none.
 *
 * @param identityFile an age identity file, or null
 * @param environment the process environment (injected so tests can set it)
 */
public record AgeKeySources(Path identityFile, Function<String, String> environment) {

    public static final String KEY_FILE_VARIABLE = "SOPS_AGE_KEY_FILE";
    public static final String KEY_VARIABLE = "SOPS_AGE_KEY";

    /** An identity file is a few lines; anything far bigger is the wrong file. */
    private static final long MAX_IDENTITY_FILE_BYTES = 64 * 1024;

    /** The build's environment, with the identity file the user named (or null). */
    public static AgeKeySources system(Path identityFile) {
        return new AgeKeySources(identityFile, System::getenv);
    }

    /** How a user sets an identity, for messages. */
    public static String howToSet() {
        return "set " + KEY_FILE_VARIABLE + " to your age key file as for sops, " + KEY_VARIABLE
                + " to the key itself, or -Dcluster.ageIdentity=<key file>";
    }

    /** Every identity from every source that is set; an empty list when none is. */
    public AgeIdentities load() {
        List<AgeIdentity> all = new ArrayList<>();
        if (identityFile != null) {
            all.addAll(file(identityFile, "cluster.ageIdentity=" + identityFile));
        }
        String keyFile = environment.apply(KEY_FILE_VARIABLE);
        if (keyFile != null && !keyFile.isBlank()) {
            all.addAll(file(Path.of(keyFile), KEY_FILE_VARIABLE + "=" + keyFile));
        }
        String keys = environment.apply(KEY_VARIABLE);
        if (keys != null && !keys.isBlank()) {
            all.addAll(AgeIdentityText.parse(keys, KEY_VARIABLE));
        }
        return new AgeIdentities(all);
    }

    private static List<AgeIdentity> file(Path file, String source) {
        try {
            if (Files.size(file) > MAX_IDENTITY_FILE_BYTES) {
                throw new AgeException(source + " is larger than " + MAX_IDENTITY_FILE_BYTES + " bytes; an age identity file is a few lines");
            }
            return AgeIdentityText.parse(Files.readString(file, StandardCharsets.UTF_8), source);
        } catch (NoSuchFileException e) {
            throw new AgeException(source + ": no such file; point it at your age key file (age-keygen -o <file> makes one)");
        } catch (IOException e) {
            throw new AgeException(source + ": cannot read the file (" + e.getClass().getSimpleName() + ")");
        }
    }
}
