package dev.clusterspec.emit.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterspec.emit.OutputFile;
import dev.clusterspec.emit.firewall.FirewallEmitters;
import dev.clusterspec.emit.bastion.SshConfigEmitter;
import dev.clusterspec.emit.hostnet.HostNetworkEmitter;
import dev.clusterspec.emit.oci.BastionNsgEmitter;
import dev.clusterspec.emit.proxmox.ProxmoxGuestsEmitter;
import dev.clusterspec.emit.nftables.HostNftablesEmitter;
import dev.clusterspec.emit.oci.OciSecurityListEmitter;
import dev.clusterspec.emit.policies.NetworkPolicyEmitter;
import dev.clusterspec.emit.policies.PolicyDocuments;
import dev.clusterspec.plan.ClusterPlan;
import dev.clusterspec.spec.Node;
import dev.clusterspec.spec.ReachabilityAssertion;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The runbook's commands name files and values the other emitters really produce. */
class RunbookSectionTest {

    private static List<String> commands(ReportInputs inputs) {
        String md = ReportEmitter.emit(inputs).stream().filter(f -> f.path().equals(ReportEmitter.MARKDOWN_PATH)).findFirst()
                .orElseThrow().text();
        String runbook = md.substring(md.indexOf("## Bootstrap runbook"));
        List<String> lines = new ArrayList<>();
        Matcher blocks = Pattern.compile("(?s)```sh\n(.*?)\n```").matcher(runbook);
        while (blocks.find()) {
            lines.addAll(Arrays.asList(blocks.group(1).split("\n")));
        }
        return lines;
    }

    @ParameterizedTest
    @ValueSource(strings = {"oci-free-tier", "minimal"})
    void filesTheCommandsCopyAreFilesTheGeneratorWrites(String example) {
        ReportInputs inputs = ReportFixtures.inputs(example);
        ClusterPlan plan = inputs.plan();
        Set<String> written = FirewallEmitters.emit(inputs.firewall()).stream().map(OutputFile::path).collect(Collectors.toCollection(TreeSet::new));
        HostNetworkEmitter.emit(plan).forEach(f -> written.add(f.path()));
        ProxmoxGuestsEmitter.emit(plan).forEach(f -> written.add(f.path()));
        BastionNsgEmitter.emit(plan).forEach(f -> written.add(f.path()));
        SshConfigEmitter.emit(plan).forEach(f -> written.add(f.path()));
        plan.nodes().forEach(n -> written.add("talos/" + n.name() + ".yaml"));
        Set<String> named = new TreeSet<>();
        Matcher paths = Pattern.compile("(?<![/\\w])((?:proxmox|hosts|oci|talos|bastion)/[\\w./-]+(?:\\.(?:fw|nft|json|yaml|conf|service|sh)|/interfaces|/ssh_config))").matcher(String.join("\n", commands(inputs)));
        while (paths.find()) {
            named.add(paths.group(1));
        }
        assertThat(named).isNotEmpty();
        assertThat(written).containsAll(named);
        // every firewall file of the hosts is installed by some command
        // (Terraform files are applied by folder: terraform -chdir=proxmox)
        assertThat(named).containsAll(written.stream().filter(p -> p.startsWith("proxmox/") || p.startsWith("hosts/"))
                .filter(p -> !p.endsWith(".tf.json")).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"oci-free-tier", "minimal"})
    void terraformVariablesAndTheNftPathAreTheEmittersOwn(String example) {
        ReportInputs inputs = ReportFixtures.inputs(example);
        List<OutputFile> files = FirewallEmitters.emit(inputs.firewall());
        JsonNode terraform = JsonMapper.shared().readTree(files.stream()
                .filter(f -> f.path().equals(OciSecurityListEmitter.TERRAFORM_PATH)).findFirst().orElseThrow().text());
        Set<String> variables = new TreeSet<>(terraform.required("variable").propertyNames());
        String apply = commands(inputs).stream().filter(c -> c.startsWith("terraform -chdir=oci apply")).findFirst().orElseThrow();
        Set<String> passed = new TreeSet<>();
        Matcher var = Pattern.compile("-var (\\w+)=").matcher(apply);
        while (var.find()) {
            passed.add(var.group(1));
        }
        assertThat(passed).as("the runbook's apply sets exactly the module's variables").isEqualTo(variables);
        for (var host : inputs.plan().spec().proxmox().hosts()) {
            String nft = files.stream().filter(f -> f.path().equals(HostNftablesEmitter.path(host.name()))).findFirst().orElseThrow().text();
            assertThat(nft).as("the nft file says where it is installed").contains(HostNftablesEmitter.INSTALL_PATH);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"oci-free-tier", "minimal"})
    void talosCommandsUseThePlansAddressesAndVersions(String example) {
        ReportInputs inputs = ReportFixtures.inputs(example);
        ClusterPlan plan = inputs.plan();
        List<String> lines = commands(inputs);
        Node first = plan.controlPlanes().get(0);
        for (Node node : plan.nodes()) {
            assertThat(lines).containsOnlyOnce("talosctl apply-config --insecure -n " + node.ip() + " -f talos/" + node.name() + ".yaml",
                    "talosctl apply-config -n " + node.ip() + " -e " + node.ip() + " -f talos/" + node.name() + ".yaml");
        }
        // control planes are configured before workers
        int lastControlPlane = lines.indexOf("talosctl apply-config --insecure -n " + plan.controlPlanes().get(plan.controlPlanes().size() - 1).ip()
                + " -f talos/" + plan.controlPlanes().get(plan.controlPlanes().size() - 1).name() + ".yaml");
        for (Node worker : plan.workers()) {
            assertThat(lines.indexOf("talosctl apply-config --insecure -n " + worker.ip() + " -f talos/" + worker.name() + ".yaml"))
                    .isGreaterThan(lastControlPlane);
        }
        assertThat(lines).contains("talosctl bootstrap -n " + first.ip() + " -e " + first.ip(),
                "talosctl upgrade-k8s -n " + first.ip() + " -e " + first.ip() + " --to " + plan.spec().versions().kubernetes());
        assertThat(lines).anyMatch(l -> l.startsWith("talosctl kubeconfig -n " + first.ip() + " -e " + first.ip()));
        assertThat(lines).contains("kubectl -n kube-system rollout status ds/cilium --timeout=10m");
    }

    @ParameterizedTest
    @ValueSource(strings = {"oci-free-tier", "minimal"})
    void expectedPolicyCountsAreThoseOfTheGeneratedPolicies(String example) {
        ReportInputs inputs = ReportFixtures.inputs(example);
        PolicyDocuments documents = NetworkPolicyEmitter.documents(inputs.firewall());
        assertThat(commands(inputs)).contains(
                "kubectl get networkpolicies -A -l app.kubernetes.io/managed-by=clusterspec   # " + documents.networkPolicies().size() + " expected",
                "kubectl get ciliumnetworkpolicies -A -l app.kubernetes.io/managed-by=clusterspec   # " + documents.ciliumPolicies().size() + " expected");
    }

    @org.junit.jupiter.api.Test
    void directCommandsFeedTheTerraformModuleAndReachNodesTheWayTheFirewallsAllow() {
        ReportInputs inputs = ReportFixtures.inputs("oci-direct");
        ClusterPlan plan = inputs.plan();
        List<String> lines = commands(inputs);
        List<OutputFile> files = new ArrayList<>(FirewallEmitters.emit(inputs.firewall()));
        files.addAll(dev.clusterspec.emit.oci.OciTerraformEmitters.emit(plan));
        files.addAll(BastionNsgEmitter.emit(plan));
        Set<String> variables = new TreeSet<>();
        Set<String> outputs = new TreeSet<>();
        Set<String> resources = new TreeSet<>();
        for (OutputFile file : files) {
            if (file.path().endsWith(".tf.json")) {
                JsonNode tf = JsonMapper.shared().readTree(file.text());
                variables.addAll(tf.path("variable").propertyNames());
                outputs.addAll(tf.path("output").propertyNames());
                tf.path("resource").propertyNames().forEach(type -> tf.path("resource").get(type).propertyNames()
                        .forEach(name -> resources.add(type + "." + name)));
            }
        }
        // every input of oci/ is exported before the first terraform command, and nothing else
        Set<String> exported = new TreeSet<>();
        lines.stream().map(Pattern.compile("^export TF_VAR_(\\w+)=")::matcher).filter(Matcher::find).forEach(m -> exported.add(m.group(1)));
        assertThat(exported).isEqualTo(variables);
        // every Terraform output and resource a command reads is the module's
        Matcher read = Pattern.compile("terraform -chdir=oci output (?:-json |-raw )?(\\w+)").matcher(String.join("\n", lines));
        Set<String> readOutputs = new TreeSet<>();
        while (read.find()) {
            readOutputs.add(read.group(1));
        }
        assertThat(outputs).containsAll(readOutputs).hasSameSizeAs(readOutputs);
        Matcher state = Pattern.compile("echo '(oci_[a-z_]+\\.[\\w-]+)\\.id' \\| terraform -chdir=oci console").matcher(String.join("\n", lines));
        Set<String> readResources = new TreeSet<>();
        while (state.find()) {
            readResources.add(state.group(1));
        }
        assertThat(readResources).hasSize(2);
        assertThat(resources).containsAll(readResources);
        // the boot image is the plan's, imported before the instances exist
        assertThat(lines).anyMatch(l -> l.startsWith("curl -fL ") && l.endsWith(" " + plan.talosImage().bootImageUrl()));
        assertThat(lines.indexOf(lines.stream().filter(l -> l.startsWith("oci compute image import")).findFirst().orElseThrow()))
                .isLessThan(lines.indexOf("terraform -chdir=oci apply"));
        // maintenance mode at each node's public IP (admins outside the VCN), afterwards through the API load balancer
        String host = plan.apiLoadBalancer().orElseThrow().publicHost().orElseThrow();
        for (Node node : plan.nodes()) {
            assertThat(lines).contains("talosctl apply-config --insecure -n \"$(terraform -chdir=oci output -json clusterspec_node_public_ips"
                    + " | jq -r '.\"" + node.name() + "\"')\" -f talos/" + node.name() + ".yaml");
            assertThat(lines).contains("talosctl apply-config -e " + host + " -n " + node.ip() + " -f talos/" + node.name() + ".yaml");
        }
        Node first = plan.controlPlanes().get(0);
        assertThat(lines).contains("talosctl bootstrap -e " + host + " -n " + first.ip(),
                "kubectl config set-cluster " + plan.name() + " --server=https://" + host + ":6443   # the public address; the nodes use "
                        + plan.endpointUrl());
        assertThat(String.join("\n", lines)).doesNotContain("pve").doesNotContain(" -e " + first.ip());
        assertThat(lines.stream().filter(l -> l.contains("ssh "))).as("SSH goes to the bastion only: Talos has none")
                .isNotEmpty().allMatch(l -> l.startsWith("ssh -F " + SshConfigEmitter.PATH + " " + SshConfigEmitter.bastionAlias(plan) + " "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"oci-free-tier"})
    void eachAssertionGetsAProbeThatPassesTheRestrictedPodSecurityStandard(String example) {
        ReportInputs inputs = ReportFixtures.inputs(example);
        List<String> lines = commands(inputs);
        for (ReachabilityAssertion a : inputs.plan().spec().assertions()) {
            // the probe after the comment naming this assertion's pair: a namespace can be the source of several assertions
            int comment = lines.indexOf(lines.stream().filter(l -> l.startsWith("# " + a.from() + " -> " + a.to() + "/")).findFirst().orElseThrow());
            String probe = lines.get(comment + 1);
            assertThat(probe).startsWith("kubectl -n " + a.from() + " run probe ");
            JsonNode pod = JsonMapper.shared().readTree(probe.substring(probe.indexOf("--overrides='") + 13, probe.length() - 1));
            JsonNode container = pod.at("/spec/containers/0");
            assertThat(pod.at("/spec/securityContext/runAsNonRoot").asBoolean()).isTrue();
            assertThat(pod.at("/spec/securityContext/seccompProfile/type").asString()).isEqualTo("RuntimeDefault");
            assertThat(container.at("/securityContext/allowPrivilegeEscalation").asBoolean(true)).isFalse();
            assertThat(container.at("/securityContext/capabilities/drop/0").asString()).isEqualTo("ALL");
            assertThat(container.at("/command/4").asString()).endsWith("." + a.to() + ".svc." + inputs.plan().spec().network().clusterDomain());
            int index = lines.indexOf(probe);
            assertThat(lines.get(index - 1)).endsWith(a.expect() == ReachabilityAssertion.Expect.ALLOWED ? "must connect" : "must time out");
        }
    }
}
