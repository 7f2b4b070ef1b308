package dev.clusterspec.emit.hostnet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The real ifupdown2 (what Proxmox brings its network up with), unpacked from Debian's package and run
 * without installing it, so the host files are read by the program that reads them on a host. Its
 * configuration is found beside its code, so nothing is needed under /etc. The package is downloaded
 * once into {@code target/}; without apt (or its package lists) the test fails and says so.
 */
final class Ifupdown2 {

    /** An unpacked ifupdown2. */
    record Installation(Path root) {
        /** The shell command that runs {@code ifup} with {@code arguments}. */
        String command(String arguments) {
            Path code = root.resolve("usr/share/ifupdown2");
            return "PYTHONPATH=" + code + " /usr/bin/python3 " + root.resolve("ifup") + " " + arguments;
        }
    }

    private Ifupdown2() {}

    static Installation unpacked(Path folder) throws IOException, InterruptedException {
        Path cache = folder.toAbsolutePath();
        Path root = cache.resolve("root");
        Path entry = root.resolve("ifup");
        if (!Files.exists(entry)) {
            Files.createDirectories(cache);
            run(cache, "apt-get", "download", "ifupdown2");
            Path deb;
            try (var files = Files.list(cache)) {
                deb = files.filter(f -> f.getFileName().toString().startsWith("ifupdown2_") && f.toString().endsWith(".deb"))
                        .findFirst().orElseThrow(() -> new AssertionError("apt-get download ifupdown2 gave no .deb in " + cache));
            }
            run(cache, "dpkg", "-x", deb.toString(), root.toString());
            Path code = root.resolve("usr/share/ifupdown2");
            // ifupdown2 looks for its configuration beside its code when /etc/network/ifupdown2 is absent
            copyTree(root.resolve("etc/network/ifupdown2"), code.resolve("etc/network/ifupdown2"));
            // its entry point dispatches on the name it was called by
            Files.createSymbolicLink(entry, code.resolve("__main__.py"));
        }
        return new Installation(root);
    }

    private static void run(Path dir, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + " (needs Debian's apt with package lists: apt-get update):\n" + output)
                .isZero();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
