package dev.clusterspec.emit.hostnet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a shell script inside a network and mount namespace of its own ({@code unshare --net --mount}):
 * every interface, bridge, route, ruleset and child namespace the script makes lives and dies there,
 * nothing is created in the machine's namespace. The preamble refuses to go on unless the script
 * really is in a namespace of its own, and puts a tmpfs on {@code /run} so that {@code ip netns} and
 * ifupdown2 keep their state inside it. A PID namespace of its own too: when the script ends, the
 * kernel ends every listener it left running. The script reports with lines {@code RESULT <id> <text>}.
 */
final class NetworkLab {

    /** The script's output, and its RESULT lines by id. */
    record Run(int exitCode, String output, Map<String, String> results) {
        String result(String id) {
            assertThat(results).as("probe " + id + " ran; output:\n" + output).containsKey(id);
            return results.get(id);
        }
    }

    static final String PREAMBLE = """
            set -euo pipefail
            if [ -z "${MACHINE_NETNS:-}" ] || [ "$(readlink /proc/self/ns/net)" = "$MACHINE_NETNS" ]; then
              echo "FATAL: not in a network namespace of its own" >&2; exit 97
            fi
            mount -t tmpfs lab /run
            mkdir -p /run/netns /run/network
            ip link set lo up
            result() { echo "RESULT $1 ${*:2}"; }
            """;

    private NetworkLab() {}

    static Run run(String script, Path workDir, Duration timeout) throws IOException, InterruptedException {
        assertThat(System.getProperty("user.name")).as("network namespaces with bridges, VXLAN and nftables need root").isEqualTo("root");
        for (String tool : List.of("unshare", "ip", "bridge", "nft", "ping", "arping", "python3")) {
            assertThat(onPath(tool)).as(tool + " is installed (.ci/run installs iproute2, nftables, iputils-ping, iputils-arping, python3)").isTrue();
        }
        Path file = workDir.resolve("lab.sh");
        Path log = workDir.resolve("lab.log");
        Files.writeString(file, PREAMBLE + script, StandardCharsets.UTF_8);
        ProcessBuilder builder = new ProcessBuilder("unshare", "--net", "--mount", "--pid", "--fork", "--mount-proc",
                "--propagation", "private", "bash", file.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("MACHINE_NETNS", Files.readSymbolicLink(Path.of("/proc/self/ns/net")).toString());
        Process process = builder.start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the network lab did not finish within " + timeout + "; its log: " + log);
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Map<String, String> results = new LinkedHashMap<>();
        output.lines().filter(l -> l.startsWith("RESULT ")).forEach(l -> {
            String[] parts = l.split(" ", 3);
            results.put(parts[1], parts.length > 2 ? parts[2] : "");
        });
        return new Run(process.exitValue(), output, results);
    }

    private static boolean onPath(String tool) {
        for (String dir : List.of("/usr/sbin", "/sbin", "/usr/bin", "/bin")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
