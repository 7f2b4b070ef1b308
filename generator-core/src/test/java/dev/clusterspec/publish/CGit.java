package dev.clusterspec.publish;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the C git command line for tests, isolated from the user's and the system's git config,
 * to prepare and inspect server-side repositories independently of JGit.
 */
final class CGit {

    private CGit() {
    }

    /** The environment every C git process gets: no system or global config, a fixed identity. */
    static void isolate(Map<String, String> env, Path home) {
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("GIT_CONFIG_GLOBAL", "/dev/null");
        env.put("HOME", home.toString());
        env.put("GIT_TERMINAL_PROMPT", "0");
        env.put("GIT_AUTHOR_NAME", "someone else");
        env.put("GIT_AUTHOR_EMAIL", "someone@example.com");
        env.put("GIT_COMMITTER_NAME", "someone else");
        env.put("GIT_COMMITTER_EMAIL", "someone@example.com");
    }

    /** Runs {@code git args...} in {@code dir} and returns its standard output; fails the test on a non-zero exit. */
    static String run(Path dir, String... args) {
        List<String> command = new ArrayList<>();
        command.add("git");
        command.addAll(Arrays.asList(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        isolate(builder.environment(), dir);
        Path stderr = null;
        try {
            stderr = Files.createTempFile("cgit", ".err");
            builder.redirectError(stderr.toFile());
            Process process = builder.start();
            process.getOutputStream().close();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("git " + String.join(" ", args) + " timed out");
            }
            if (process.exitValue() != 0) {
                fail("git " + String.join(" ", args) + " failed (" + process.exitValue() + "): " + Files.readString(stderr));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            if (stderr != null) {
                try {
                    Files.deleteIfExists(stderr);
                } catch (IOException e) {
                    // a leftover temp file is not worth failing a test for
                }
            }
        }
    }

    /** The commit id {@code ref} points to in {@code repo}, or null when it does not exist. */
    static String resolve(Path repo, String ref) {
        String out = run(repo, "for-each-ref", "--format=%(objectname)", ref).strip();
        return out.isEmpty() ? null : out;
    }

    /** Subjects of the commits on {@code branch}, newest first. */
    static List<String> subjects(Path repo, String branch) {
        return run(repo, "log", "--format=%s", "refs/heads/" + branch).lines().toList();
    }

    /** Paths of all files in the tree of {@code branch}, sorted. */
    static List<String> files(Path repo, String branch) {
        return run(repo, "ls-tree", "-r", "--name-only", "refs/heads/" + branch).lines().sorted().toList();
    }

    static String show(Path repo, String branch, String path) {
        return run(repo, "show", "refs/heads/" + branch + ":" + path);
    }

    /**
     * Commits {@code files} to {@code branch} of the bare repository {@code bare} as another writer
     * would: through a scratch clone and a push over the file system, bypassing the HTTP server.
     *
     * @return the new commit id
     */
    static String commitAsSomeoneElse(Path bare, String branch, Map<String, String> files, String message) {
        try {
            // beside the bare repository, so the test's temporary folder cleans it up
            Path scratch = Files.createTempDirectory(bare.getParent(), "other-writer");
            run(scratch, "clone", "-q", bare.toString(), "work");
            Path work = scratch.resolve("work");
            run(work, "checkout", "-q", "-B", branch);
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path target = work.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.getValue());
            }
            run(work, "add", "-A");
            run(work, "commit", "-q", "-m", message);
            run(work, "push", "-q", "origin", "HEAD:refs/heads/" + branch);
            return run(work, "rev-parse", "HEAD").strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Installs an executable hook script in the bare repository. */
    static void installHook(Path bare, String name, String script) {
        try {
            Path hook = bare.resolve("hooks").resolve(name);
            Files.createDirectories(hook.getParent());
            Files.writeString(hook, script);
            Files.setPosixFilePermissions(hook, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
