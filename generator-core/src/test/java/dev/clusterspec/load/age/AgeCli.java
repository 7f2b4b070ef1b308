package dev.clusterspec.load.age;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real age command line (Debian package {@code age}), the reference implementation our files
 * must interoperate with. Missing binaries fail the test: CI installs them, and a test that skips
 * itself where it matters proves nothing.
 */
public final class AgeCli {

    private AgeCli() {
    }

    public static Path binary(String name) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError("the '" + name + "' command is needed for the age interoperability tests:"
                + " install Debian's age package (CI does it in .ci/run)");
    }

    /** A new identity file made by age-keygen; returns its public key. */
    public static String keygen(Path identityFile) {
        run(null, binary("age-keygen").toString(), "-o", identityFile.toString());
        return new String(run(null, binary("age-keygen").toString(), "-y", identityFile.toString()), StandardCharsets.US_ASCII).strip();
    }

    /** {@code age -r ... [-a]}: the CLI encrypting {@code plaintext}. */
    public static byte[] encrypt(byte[] plaintext, boolean armor, String... recipients) {
        List<String> command = new ArrayList<>(List.of(binary("age").toString(), "-e"));
        if (armor) {
            command.add("-a");
        }
        for (String r : recipients) {
            command.addAll(List.of("-r", r));
        }
        return run(plaintext, command.toArray(String[]::new));
    }

    /** {@code age -d -i identityFile}: the CLI decrypting {@code encrypted}. */
    public static byte[] decrypt(byte[] encrypted, Path identityFile) {
        return run(encrypted, binary("age").toString(), "-d", "-i", identityFile.toString());
    }

    /**
     * A file {@code age -p} encrypts with a passphrase. age reads passphrases from a terminal only,
     * so it runs under script(1), which gives it one.
     */
    public static byte[] encryptWithPassphrase(Path dir, byte[] plaintext) throws IOException {
        Path in = Files.write(dir.resolve("passphrase-input"), plaintext);
        Path out = dir.resolve("passphrase-output.age");
        String command = binary("age") + " -p -o " + out + " " + in;
        run("correct horse battery\ncorrect horse battery\n".getBytes(StandardCharsets.US_ASCII),
                binary("script").toString(), "-qec", command, "/dev/null");
        assertThat(out).as("age -p wrote nothing").exists();
        return Files.readAllBytes(out);
    }

    private static byte[] run(byte[] stdin, String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.PIPE).start();
            try (var in = process.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin);
                }
            }
            byte[] out;
            try (InputStream stdout = process.getInputStream()) {
                out = stdout.readAllBytes();
            }
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(Arrays.toString(command) + " did not finish");
            }
            assertThat(process.exitValue()).as(Arrays.toString(command) + " failed: " + err).isZero();
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
