package dev.clusterspec.emit.report;

import dev.clusterspec.emit.firewall.RuleCounts;
import dev.clusterspec.emit.hostnet.HostNetworkEmitter;
import dev.clusterspec.emit.nftables.HostNftablesEmitter;
import dev.clusterspec.emit.oci.OciSecurityListEmitter;
import dev.clusterspec.emit.proxmox.ProxmoxFirewallEmitter;
import dev.clusterspec.plan.ClusterPlan;
import dev.clusterspec.plan.MeshGateway;
import dev.clusterspec.plan.PublicExposure;
import dev.clusterspec.plan.firewall.FirewallPlan;
import dev.clusterspec.plan.firewall.Layer;
import dev.clusterspec.spec.Addons;
import dev.clusterspec.spec.Node;
import dev.clusterspec.spec.Proxmox;
import dev.clusterspec.spec.Proxmox.Host;
import dev.clusterspec.spec.ReachabilityAssertion;
import dev.clusterspec.spec.ServiceSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The architecture document's implementation order as exact commands with this cluster's values, and
 * the commands of an upgrade. Values the spec cannot know (OCIDs, the bastion's ephemeral address, the
 * tailnet's name) are written as {@code <placeholders>}. The steps outside the cluster differ by
 * topology (the Proxmox hosts here, the OCI image and resources in {@link DirectRunbook}); steps are
 * numbered as they are written.
 */
final class RunbookSection {

    /** Pod-level settings that the restricted Pod Security Standard requires of a probe pod. */
    private static final String PROBE_POD = "{\"spec\":{\"securityContext\":{\"runAsNonRoot\":true,\"runAsUser\":65534,"
            + "\"seccompProfile\":{\"type\":\"RuntimeDefault\"}},\"containers\":[{\"name\":\"probe\",\"image\":\"busybox:1.36\","
            + "\"command\":[\"nc\",\"-zv\",\"-w\",\"5\",\"%s\",\"%d\"],\"securityContext\":{\"allowPrivilegeEscalation\":false,"
            + "\"capabilities\":{\"drop\":[\"ALL\"]}}}]}}";

    private RunbookSection() {}

    static Section bootstrap(ReportInputs inputs, int warningCount) {
        ClusterPlan plan = inputs.plan();
        List<Block> b = new ArrayList<>();
        if (warningCount > 0) {
            b.add(Block.Paragraph.of("Read the " + warningCount + (warningCount == 1 ? " warning" : " warnings")
                    + " at the top of this report before you start."));
        }
        b.add(Block.Paragraph.of(Inline.of(plan.nested() ? "The implementation order of the architecture document, with this cluster's values."
                        : "This cluster from zero, in order, with its values: each command's output shows that its step worked.")
                .text(" Run the commands from the output folder ")
                .code("target/cluster").text(". Values in ").code("<angle brackets>").text(" are not in the spec: fill them in.")));

        Steps steps = new Steps();
        b.add(steps.heading("step-prepare", "Prepare"));
        List<String> prepare = new ArrayList<>(List.of(
                "cd target/cluster",
                "export TALOSCONFIG=\"$PWD/talos/talosconfig\""));
        // pinned upstream files (path null) are fetched from upstream: only the repo's own files need publishing
        long repoFiles = inputs.manifests().urlManifests().stream().filter(m -> m.path() != null).count();
        if (repoFiles > 0) {
            prepare.add("# the control planes fetch " + inputs.manifests().urlManifests().size()
                    + " manifests by URL at boot: publish the manifest repo first (from the project folder)");
            prepare.add("(cd ../.. && mvn cluster:publish)");
        }
        if (!plan.nested()) {
            prepare.addAll(DirectRunbook.terraformInputs(plan));
        }
        b.add(new Block.Commands(prepare));

        if (plan.nested()) {
            NestedRunbook.steps(plan, inputs.firewall(), steps, b);
            talos(plan, steps, b);
        } else {
            DirectRunbook.image(plan, steps, b);
            DirectRunbook.oci(plan, steps, b);
            DirectRunbook.talos(plan, steps, b);
        }
        cilium(plan, steps, b);
        ociCcm(plan, steps, b);
        tailscale(plan, steps, b);
        policies(inputs.firewall(), steps, b);
        exposure(plan, steps, b);
        workloads(plan, steps, b);
        return new Section("bootstrap-runbook", "Bootstrap runbook", b);
    }


    private static void talos(ClusterPlan plan, Steps steps, List<Block> b) {
        Node first = plan.controlPlanes().get(0);
        String at = " -n " + first.ip() + " -e " + first.ip();
        b.add(steps.heading("step-talos", "Bootstrap Talos"));
        b.add(Block.Paragraph.of(Inline.of("Every node waits in maintenance mode; your machine must reach ")
                .code(plan.nodeNetwork().toString())
                .text(plan.meshGateway().isPresent() ? " (over the tailnet, through the mesh gateway)." : " (for example through a Tailscale subnet router that advertises it).")
                .text(" Control planes first; the CNI comes up with them.")));
        List<String> lines = new ArrayList<>();
        for (Node node : plan.controlPlanes()) {
            lines.add(applyInsecure(node));
        }
        for (Node node : plan.workers()) {
            lines.add(applyInsecure(node));
        }
        lines.add("talosctl bootstrap" + at);
        lines.add("talosctl health" + at + " --wait-timeout 20m");
        lines.add("talosctl kubeconfig" + at + "   # merges into ~/.kube/config; the API is " + plan.endpointUrl());
        lines.add("kubectl get nodes -o wide   # " + plan.nodes().size() + " nodes: "
                + plan.nodes().stream().map(Node::name).collect(Collectors.joining(", ")));
        b.add(new Block.Commands(lines));
    }

    private static String applyInsecure(Node node) {
        return "talosctl apply-config --insecure -n " + node.ip() + " -f talos/" + node.name() + ".yaml";
    }

    private static void cilium(ClusterPlan plan, Steps steps, List<Block> b) {
        b.add(steps.heading("step-cilium", "Wait for Cilium"));
        List<String> lines = new ArrayList<>(List.of(
                "kubectl -n kube-system rollout status ds/cilium --timeout=10m",
                "kubectl -n kube-system rollout status deploy/cilium-operator --timeout=10m",
                "cilium status --wait"));
        if (!plan.spec().network().loadBalancerPools().isEmpty()) {
            lines.add("kubectl get ciliumloadbalancerippools,ciliuml2announcementpolicies   # pools: "
                    + plan.spec().network().loadBalancerPools().stream().map(p -> p.name() + " " + p.cidr()).collect(Collectors.joining(", ")));
        }
        Addons.Cilium cilium = plan.spec().addons().cilium();
        if (cilium != null && cilium.hubble() != null && cilium.hubble().enabled() && cilium.hubble().relay()) {
            lines.add("# Hubble: flows through the relay");
            lines.add("kubectl -n kube-system rollout status deploy/hubble-relay --timeout=5m");
            lines.add("kubectl -n kube-system port-forward svc/hubble-relay 4245:80 &");
            lines.add("hubble observe --server localhost:4245 --last 20");
        }
        b.add(new Block.Commands(lines));
    }

    private static void ociCcm(ClusterPlan plan, Steps steps, List<Block> b) {
        b.add(steps.heading("step-ccm", "OCI cloud controller manager"));
        Addons.OciCcm ccm = plan.spec().addons().ociCcm();
        if (ccm == null || !ccm.enabled()) {
            b.add(Block.Paragraph.of(plan.nested()
                    ? "Off: the CCM cannot manage Talos VMs nested in Proxmox. Public traffic takes the reserved IP → host DNAT → "
                            + "Cilium LoadBalancer IP path instead; nothing to install."
                    : "Off in this spec: public services get no OCI load balancer."));
            return;
        }
        List<String> lines = new ArrayList<>(List.of(
                "kubectl -n kube-system rollout status ds/oci-cloud-controller-manager --timeout=10m",
                "kubectl -n kube-system logs ds/oci-cloud-controller-manager --tail=50   # mode: " + ccm.mode().id()));
        if (!plan.nested() && ccm.mode() == Addons.OciCcm.Mode.FULL) {
            lines.addAll(DirectRunbook.ccmChecks(plan));
        }
        b.add(new Block.Commands(lines));
    }

    private static void tailscale(ClusterPlan plan, Steps steps, List<Block> b) {
        b.add(steps.heading("step-tailscale", "Tailscale operator"));
        if (!ExposureSection.tailscaleOn(plan)) {
            b.add(Block.Paragraph.of("Off in this spec."));
            return;
        }
        b.add(new Block.Commands(List.of(
                "kubectl -n tailscale rollout status deploy/operator --timeout=5m",
                "kubectl -n tailscale get pods",
                "tailscale status | grep " + operatorHostname(plan) + "   # the operator joined the tailnet")));
    }

    static String operatorHostname(ClusterPlan plan) {
        String configured = plan.spec().addons().tailscale().operatorHostname();
        return configured != null ? configured : plan.name() + "-operator";
    }

    private static void policies(FirewallPlan firewall, Steps steps, List<Block> b) {
        b.add(steps.heading("step-policies", "Default network policies"));
        int networkPolicies = 0;
        int ciliumPolicies = 0;
        for (RuleCounts.Count count : RuleCounts.of(firewall)) {
            if (count.layer() == Layer.NETWORK_POLICY && count.what().equals("NetworkPolicies")) {
                networkPolicies = count.rules();
            } else if (count.layer() == Layer.NETWORK_POLICY && count.what().equals("CiliumNetworkPolicies")) {
                ciliumPolicies = count.rules();
            }
        }
        b.add(new Block.Commands(List.of(
                "kubectl get networkpolicies -A -l app.kubernetes.io/managed-by=clusterspec   # " + networkPolicies + " expected",
                "kubectl get ciliumnetworkpolicies -A -l app.kubernetes.io/managed-by=clusterspec   # " + ciliumPolicies + " expected")));
    }

    private static void exposure(ClusterPlan plan, Steps steps, List<Block> b) {
        b.add(steps.heading("step-exposure", "Test the exposure patterns"));
        List<String> lines = new ArrayList<>();
        lines.add("kubectl get svc -A");
        for (PublicExposure e : plan.publicExposures()) {
            ServiceSpec s = e.service();
            lines.add("# public: " + s.namespace() + "/" + s.name() + (e.loadBalancerIp() != null ? " (EXTERNAL-IP " + e.loadBalancerIp() + ")" : ""));
            lines.add(plan.nested() ? "kubectl -n " + s.namespace() + " get svc " + s.name()
                    : DirectRunbook.loadBalancerCheck(s.namespace(), s.name(), e.reservedIp().toString()));
            for (ServiceSpec.Port port : s.ports()) {
                lines.add(probe(e.reservedIp().toString(), port) + "   # from the internet");
            }
            if (e.ingressHost() != null) {
                lines.add(new HostAccess(plan).ssh(e.ingressHost()) + " nft list chain inet clusterspec prerouting");
            }
        }
        if (ExposureSection.tailscaleOn(plan)) {
            for (ServiceSpec s : plan.services(ServiceSpec.Exposure.TAILNET)) {
                lines.add("# tailnet: " + s.namespace() + "/" + s.name());
                lines.add("tailscale status | grep " + s.tailnetHostname());
                for (ServiceSpec.Port port : s.ports()) {
                    lines.add(probe(s.tailnetHostname(), port) + "   # from a device on the tailnet");
                }
            }
        }
        for (ReachabilityAssertion a : plan.spec().assertions()) {
            for (ServiceSpec s : plan.spec().services()) {
                if (!s.namespace().equals(a.to())) {
                    continue;
                }
                for (ServiceSpec.Port port : s.ports()) {
                    if (port.protocol() != ServiceSpec.Protocol.TCP) {
                        continue;
                    }
                    boolean allowed = a.expect() == ReachabilityAssertion.Expect.ALLOWED;
                    lines.add("# " + a.from() + " -> " + s.namespace() + "/" + s.name() + ":" + port.port() + " must "
                            + (allowed ? "connect" : "time out"));
                    lines.add("kubectl -n " + a.from() + " run probe --rm -i --restart=Never --image=busybox:1.36 --overrides='"
                            + String.format(java.util.Locale.ROOT, PROBE_POD, ExposureSection.clusterName(plan, s), port.port()) + "'");
                }
            }
        }
        b.add(new Block.Commands(lines));
    }

    private static String probe(String host, ServiceSpec.Port port) {
        if (port.protocol() == ServiceSpec.Protocol.UDP) {
            return "nc -vzu -w 5 " + host + " " + port.port();
        }
        if (port.port() == 443) {
            return "curl -sv --max-time 10 -o /dev/null https://" + host + "/";
        }
        if (port.port() == 80) {
            return "curl -sv --max-time 10 -o /dev/null http://" + host + "/";
        }
        return "nc -vz -w 5 " + host + " " + port.port();
    }

    private static void workloads(ClusterPlan plan, Steps steps, List<Block> b) {
        b.add(steps.heading("step-workloads", "Deploy workloads"));
        if (plan.spec().services().isEmpty()) {
            b.add(Block.Paragraph.of("The spec declares no services; workloads get only the namespaces' defaults (DNS, egress to the internet)."));
            return;
        }
        b.add(Block.Paragraph.of("The policies select pods by label: each service's pods must carry these labels and listen on these ports "
                + "(a container port named metrics is what the monitoring namespace may scrape)."));
        TableBuilder t = TableBuilder.of("service", "pod labels", "container ports").code(1);
        for (ServiceSpec s : plan.spec().services()) {
            t.row(s.namespace() + "/" + s.name(), ExposureSection.selector(s.selector()),
                    s.ports().stream().map(p -> p.targetPort() + "/" + p.protocol().name().toLowerCase(java.util.Locale.ROOT))
                            .collect(Collectors.joining(", ")));
        }
        b.add(t.build());
    }

    static Section upgrade(ReportInputs inputs) {
        ClusterPlan plan = inputs.plan();
        Node first = plan.controlPlanes().get(0);
        String at = plan.nested() ? " -n " + first.ip() + " -e " + first.ip() : DirectRunbook.upgradeAt(plan);
        List<Block> b = new ArrayList<>();
        b.add(Block.Paragraph.of(Inline.of("Talos applies URL manifests only at boot and never updates existing objects: after a change, ")
                .code("talosctl upgrade-k8s").text(" re-applies the manifests of the control-plane configs (with the Kubernetes version unchanged, "
                        + "it only syncs them). Changed manifests have new URLs, so publish before you apply.")));
        List<String> lines = new ArrayList<>(List.of(
                "# in the project folder, after editing cluster.yaml",
                "mvn cluster:validate",
                "mvn cluster:diff",
                "mvn cluster:generate",
                "mvn cluster:publish",
                "cd target/cluster",
                "export TALOSCONFIG=\"$PWD/talos/talosconfig\""));
        for (Node node : plan.controlPlanes()) {
            lines.add(plan.nested() ? apply(node) : DirectRunbook.apply(plan, node));
        }
        for (Node node : plan.workers()) {
            lines.add(plan.nested() ? apply(node) : DirectRunbook.apply(plan, node));
        }
        lines.add("talosctl upgrade-k8s" + at + " --to " + plan.spec().versions().kubernetes() + " --dry-run");
        lines.add("talosctl upgrade-k8s" + at + " --to " + plan.spec().versions().kubernetes());
        lines.add("kubectl -n kube-system rollout status ds/cilium --timeout=10m");
        b.add(new Block.Commands(lines));
        if (plan.nested()) {
            b.add(Block.Paragraph.of(Inline.of("When ").code("oci/").text(", ").code("proxmox/").text(" or ").code("hosts/")
                    .text(" changed, repeat the OCI, host and guest steps: Terraform updates what changed in place; the host files are copied and"
                            + " loaded again (systemctl reload " + HostNftablesEmitter.UNIT + " replaces its table atomically).")));
        } else {
            b.add(Block.Paragraph.of(Inline.of("When ").code("oci/").text(" changed, run ").code("terraform -chdir=oci apply")
                    .text(" again (step 2) with the same inputs: the security list and the load balancer change in place; a change of an"
                            + " instance's shape or address replaces it, and the new instance waits in maintenance mode for step 3's ")
                    .code("apply-config --insecure").text(".")));
        }
        return new Section("upgrade", "Upgrade", b);
    }

    private static String apply(Node node) {
        return "talosctl apply-config -n " + node.ip() + " -e " + node.ip() + " -f talos/" + node.name() + ".yaml";
    }
}
