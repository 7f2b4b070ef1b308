package dev.clusterspec.emit.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterspec.emit.OutputFile;
import dev.clusterspec.emit.firewall.FirewallEmitters;
import dev.clusterspec.emit.hostnet.HostNetworkEmitter;
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
        plan.nodes().forEach(n -> written.add("talos/" + n.name() + ".yaml"));
        Set<String> named = new TreeSet<>();
        Matcher paths = Pattern.compile("(?<![/\\w])((?:proxmox|hosts|oci|talos)/[\\w./-]+(?:\\.(?:fw|nft|json|yaml|conf|service)|/interfaces))").matcher(String.join("\n", commands(inputs)));
        while (paths.find()) {
            named.add(paths.group(1));
        }
        assertThat(named).isNotEmpty();
        assertThat(written).containsAll(named);
        // every firewall file of the hosts is installed by some command
        assertThat(named).containsAll(written.stream().filter(p -> p.startsWith("proxmox/") || p.startsWith("hosts/")).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"oci-free-tier", "minimal"})
    void terraformVariablesAndTheNftPathAreTheEmittersOwn(String example) {
        ReportInputs inputs = ReportFixtures.inputs(example);
        List<OutputFile> files = FirewallEmitters.emit(inputs.firewall());
        JsonNode terraform = JsonMapper.shared().readTree(files.stream()
                .filter(f -> f.path().equals(OciSecurityListEmitter.TERRAFORM_PATH)).findFirst().orElseThrow().text());
        Set<String> variables = new TreeSet<>(terraform.required("variable").propertyNames());
        assertThat(variables).containsExactlyInAnyOrder(RunbookSection.TF_COMPARTMENT_VARIABLE, RunbookSection.TF_VCN_VARIABLE);
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
