package dev.clusterspec.emit.proxmox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterspec.emit.OutputFile;
import dev.clusterspec.yaml.Yaml;
import dev.clusterspec.emit.talos.TalosFixtures;
import dev.clusterspec.plan.ClusterPlan;
import dev.clusterspec.plan.firewall.ExamplePlans;
import dev.clusterspec.spec.Node;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The guests' definitions (their golden files are the examples' whole output, see
 * ExampleOutputsGoldenTest): every Terraform attribute one the bpg/proxmox provider has (the
 * fixture lists the schema of provider 0.111.1, read from its source); the shell script run for each
 * host against stand-ins of qm, pct, pvesm and pvesh that record what they are given; and the MAC of
 * each VM, in both definitions, the one its node's LinkAliasConfig selects.
 */
class ProxmoxGuestsEmitterTest {

    private static final String FIXTURE = "bpg-proxmox-0.111.1-attributes.txt";

    @TempDir
    Path dir;

    private static Map<String, String> files(String example) {
        Map<String, String> files = new TreeMap<>();
        ProxmoxGuestsEmitter.emit(ExamplePlans.plan(example)).forEach(f -> files.put(f.path(), f.text()));
        return files;
    }

    @ParameterizedTest
    @ValueSource(strings = {"oci-free-tier", "minimal"})
    void everyTerraformAttributeIsOneTheProviderHas(String example) throws IOException {
        Set<String> known = providerAttributes();
        JsonNode tf = JsonMapper.shared().readTree(files(example).get(ProxmoxGuestsEmitter.TERRAFORM_PATH));
        Set<String> used = new TreeSet<>();
        tf.path("resource").properties().forEach(type -> type.getValue().properties()
                .forEach(resource -> paths(type.getKey(), resource.getValue(), used)));
        tf.path("provider").properties().forEach(p -> paths("provider." + p.getKey(), p.getValue(), used));
        assertThat(used).isNotEmpty();
        assertThat(used).as("attributes of the bpg/proxmox provider 0.111.1 (" + FIXTURE + ")").allMatch(known::contains);
        assertThat(tf.at("/terraform/required_providers/proxmox/version").asString()).isEqualTo(TerraformGuests.PROVIDER_VERSION);
    }

    @Test
    void theCheckCatchesAnAttributeTheProviderDoesNotHave() throws IOException {
        // guards the check itself: the ens18-era guess 'network_device.name' is not an attribute of the VM resource
        assertThat(providerAttributes()).doesNotContain("proxmox_virtual_environment_vm.network_device.name")
                .contains("proxmox_virtual_environment_vm.network_device.mac_address");
    }

    @Test
    void eachVmHasTheMacItsNodesLinkAliasSelectsInBothDefinitionsAndItsAddressByCloudInit() throws Exception {
        ClusterPlan plan = ExamplePlans.plan("oci-free-tier");
        Map<String, String> files = files("oci-free-tier");
        JsonNode vms = JsonMapper.shared().readTree(files.get(ProxmoxGuestsEmitter.TERRAFORM_PATH)).at("/resource/proxmox_virtual_environment_vm");
        Map<String, List<String>> created = runScript(plan, files.get(ProxmoxGuestsEmitter.SCRIPT_PATH));
        Map<String, OutputFile> talos = TalosFixtures.emitByPath(TalosFixtures.example("oci-free-tier"));
        for (Node node : plan.nodes()) {
            JsonNode alias = Yaml.readAll(talos.get("talos/" + node.name() + ".yaml").text()).stream()
                    .filter(d -> "LinkAliasConfig".equals(d.path("kind").asString())).findFirst().orElseThrow();
            String mac = alias.at("/selector/match").asString().replaceAll(".*\"(.*)\".*", "$1");
            JsonNode vm = vms.path(node.name());
            assertThat(vm.at("/network_device/0/mac_address").asString()).as(node.name() + " in vms.tf.json").isEqualTo(mac);
            assertThat(vm.at("/initialization/ip_config/0/ipv4/address").asString()).startsWith(node.ip() + "/");
            List<String> qm = created.get("qm create " + node.vmid());
            assertThat(qm).as("vms.sh creates VM " + node.vmid() + " on " + node.host()).isNotNull();
            assertThat(argAfter(qm, "--net0")).as(node.name() + " in vms.sh").startsWith("virtio=" + mac + ",");
            assertThat(argAfter(qm, "--ipconfig0")).startsWith("ip=" + node.ip() + "/");
            // one argument each, not split by the shell at ';'
            assertThat(argAfter(qm, "--tags")).isEqualTo("talos;" + plan.name() + ";" + node.role().id());
            assertThat(argAfter(qm, "--boot")).isEqualTo("order=scsi0;scsi2");
        }
        String gateway = plan.meshGateway().orElseThrow().hostname();
        List<String> pct = created.get("pct create " + plan.meshGateway().orElseThrow().ctid());
        assertThat(argAfter(pct, "--net0")).contains("hwaddr=" + plan.mac(gateway) + ",");
        assertThat(pct).contains("--dev0", "/dev/net/tun");
        assertThat(created.keySet().stream().filter(k -> k.startsWith("pvesh create")).toList())
                .as("the boot image is downloaded once on each host that runs a VM").hasSize(3);
    }

    @Test
    void theScriptRefusesToRunOnAnotherHost() throws Exception {
        Path script = dir.resolve("vms.sh");
        Files.writeString(script, files("oci-free-tier").get(ProxmoxGuestsEmitter.SCRIPT_PATH));
        Path bin = stubs("pve9");
        ProcessBuilder builder = new ProcessBuilder("sh", script.toString(), "pve1").redirectErrorStream(true);
        builder.environment().put("PATH", bin + ":/usr/bin:/bin");
        Process run = builder.start();
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(run.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(run.exitValue()).isNotZero();
        assertThat(output).contains("this is pve9, not pve1");
        assertThat(Files.exists(dir.resolve("calls"))).as("nothing was created").isFalse();
    }

    /** Runs vms.sh for every host against recording stand-ins; returns each create call's arguments. */
    private Map<String, List<String>> runScript(ClusterPlan plan, String text) throws Exception {
        Path script = dir.resolve("vms.sh");
        Files.writeString(script, text);
        Process check = new ProcessBuilder("sh", "-n", script.toString()).redirectErrorStream(true).start();
        assertThat(check.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(check.exitValue()).as("sh -n: " + new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
        Map<String, List<String>> calls = new TreeMap<>();
        for (var host : plan.spec().proxmox().hosts()) {
            Path bin = stubs(host.name());
            ProcessBuilder builder = new ProcessBuilder("sh", script.toString(), host.name()).redirectErrorStream(true);
            builder.environment().put("PATH", bin + ":/usr/bin:/bin");
            builder.environment().put("GATEWAY_TEMPLATE", "local:vztmpl/debian-12-standard_12.12-1_arm64.tar.zst");
            Process run = builder.start();
            String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(run.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(run.exitValue()).as("vms.sh " + host.name() + ":\n" + output).isZero();
        }
        // each call: its command words, then one argument per line, then an empty line
        List<String> lines = Files.readAllLines(dir.resolve("calls"));
        List<String> current = new ArrayList<>();
        for (String line : lines) {
            if (line.equals("--end--")) {
                calls.put(current.get(0) + " " + current.get(1) + " " + current.get(2), List.copyOf(current.subList(3, current.size())));
                current.clear();
            } else {
                current.add(line);
            }
        }
        return calls;
    }

    /** Stand-ins for the Proxmox commands and hostname: creating calls are recorded, status calls say "no such guest". */
    private Path stubs(String hostname) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin-" + hostname));
        String record = "#!/bin/sh\nfor a in \"$(basename \"$0\")\" \"$@\"; do printf '%s\\n' \"$a\"; done >> '" + dir.resolve("calls") + "'\n"
                + "echo --end-- >> '" + dir.resolve("calls") + "'\n";
        stub(bin, "hostname", "#!/bin/sh\necho " + hostname + "\n");
        stub(bin, "qm", "#!/bin/sh\ncase \"$1\" in status) exit 2;; start) exit 0;; esac\n" + record.substring("#!/bin/sh\n".length()));
        stub(bin, "pct", "#!/bin/sh\ncase \"$1\" in status) exit 2;; start) exit 0;; esac\n" + record.substring("#!/bin/sh\n".length()));
        stub(bin, "pvesm", "#!/bin/sh\nexit 0\n");
        stub(bin, "pvesh", record);
        return bin;
    }

    private static void stub(Path bin, String name, String text) throws IOException {
        Path file = bin.resolve(name);
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static String argAfter(List<String> args, String option) {
        int i = args.indexOf(option);
        assertThat(i).as(option + " in " + args).isGreaterThanOrEqualTo(0);
        return args.get(i + 1);
    }

    private static Set<String> providerAttributes() throws IOException {
        try (InputStream in = ProxmoxGuestsEmitterTest.class.getResourceAsStream(FIXTURE)) {
            Set<String> known = new TreeSet<>();
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).forEach(l -> known.add(l.split("\t")[0]));
            return known;
        }
    }

    /** Every attribute path of a resource body: nested objects and lists of objects become dotted paths. */
    private static void paths(String prefix, JsonNode node, Set<String> out) {
        node.properties().forEach(field -> {
            String path = prefix + "." + field.getKey();
            out.add(path);
            JsonNode value = field.getValue();
            if (value.isObject()) {
                paths(path, value, out);
            } else if (value.isArray()) {
                value.forEach(element -> {
                    if (element.isObject()) {
                        paths(path, element, out);
                    }
                });
            }
        });
    }
}
