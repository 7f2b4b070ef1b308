package dev.clusterspec.emit.nftables;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Loads rulesets into the running kernel inside a throw-away network namespace ({@code unshare -n}),
 * which disappears with the process: the real nf_tables validation of chain types, hooks and NAT
 * statements, without touching the machine's own ruleset. CI installs Debian's nftables; a missing
 * nft fails the test rather than skipping it.
 */
final class Nft {

    record Result(int exitCode, String output) {}

    private Nft() {}

    static Path binary() {
        for (String dir : List.of("/usr/sbin", "/sbin", "/usr/bin", "/bin")) {
            Path nft = Path.of(dir, "nft");
            if (Files.isExecutable(nft)) {
                return nft;
            }
        }
        throw new AssertionError("nft is not installed: install Debian's nftables (apt-get install -y nftables);"
                + " the generated rulesets must be loaded into a real kernel");
    }

    /** Runs {@code script} with sh inside a fresh network namespace; {@code $NFT} is the nft binary. */
    static Result inNetworkNamespace(String script) throws IOException, InterruptedException {
        Path nft = binary();
        boolean root = "root".equals(System.getProperty("user.name"));
        List<String> command = root
                ? List.of("unshare", "-n", "sh", "-c", script)
                : List.of("unshare", "-Urn", "sh", "-c", script);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("NFT", nft.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("nft finished").isTrue();
        return new Result(process.exitValue(), output);
    }

    /** Loads the file twice into one fresh namespace (proving the atomic replace) and lists the table. */
    static Result loadTwiceAndList(Path file, String table) throws IOException, InterruptedException {
        String f = "'" + file.toAbsolutePath() + "'";
        return inNetworkNamespace("set -e; \"$NFT\" -f " + f + "; \"$NFT\" -f " + f + "; \"$NFT\" list table " + table);
    }
}
