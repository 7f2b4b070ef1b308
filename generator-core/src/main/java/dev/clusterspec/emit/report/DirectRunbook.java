package dev.clusterspec.emit.report;

import dev.clusterspec.emit.bastion.SshConfigEmitter;
import dev.clusterspec.emit.oci.BastionNsgEmitter;
import dev.clusterspec.emit.oci.ApiLoadBalancerEmitter;
import dev.clusterspec.emit.oci.CcmIamEmitter;
import dev.clusterspec.emit.oci.OciInstancesEmitter;
import dev.clusterspec.emit.oci.OciSecurityListEmitter;
import dev.clusterspec.emit.oci.OciTerraformEmitters;
import dev.clusterspec.plan.ApiLoadBalancer;
import dev.clusterspec.plan.ClusterPlan;
import dev.clusterspec.plan.TalosImage;
import dev.clusterspec.spec.Addons.OciCcm;
import dev.clusterspec.spec.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The runbook steps of topology direct, from zero: Terraform's inputs, the Talos image imported into OCI,
 * the OCI resources of {@code oci/}, and Talos applied to instances that wait in maintenance mode.
 *
 * <p>Admins outside the VCN (firewall.admins) configure each node at its ephemeral public IP while it is
 * in maintenance mode, then reach apid and the API through the load balancer's public address. Admins on
 * the bastion (the default) work there with private addresses: the nodes' and the load balancer's.
 */
final class DirectRunbook {

    /** A command's output a later command reads: one node's public IP from Terraform. */
    private static final String PUBLIC_IP = "\"$(terraform -chdir=oci output -json %s | jq -r '.\"%s\"')\"";

    private DirectRunbook() {}

    /** {@code export TF_VAR_...=...} for every variable of {@code oci/}: OCIDs the spec has, placeholders for the rest. */
    static List<String> terraformInputs(ClusterPlan plan) {
        OciCcm ccm = plan.spec().addons().ociCcm();
        Map<String, String> values = new LinkedHashMap<>();
        if (!CcmIamEmitter.emit(plan).isEmpty()) {
            values.put("clusterspec_tenancy_id", "<tenancy OCID>");
        }
        values.put(OciSecurityListEmitter.COMPARTMENT_VARIABLE, Optional.ofNullable(ccm.enabled() ? ccm.compartmentId() : null).orElse("<compartment OCID>"));
        values.put(OciSecurityListEmitter.VCN_VARIABLE, Optional.ofNullable(ccm.enabled() ? ccm.vcnId() : null).orElse("<VCN OCID>"));
        values.put("clusterspec_subnet_id", Optional.ofNullable(ccm.enabled() ? ccm.subnetId() : null)
                .orElse("<OCID of subnet " + plan.nodeNetwork() + ">"));
        values.put("clusterspec_availability_domain", "<availability domain>");
        plan.apiLoadBalancer().flatMap(ApiLoadBalancer::reservedIp).ifPresent(r ->
                values.put("clusterspec_api_reserved_ip_id", "<OCID of reserved IP " + r.name() + ">"));
        List<String> lines = new ArrayList<>();
        lines.add("# the inputs of the Terraform files in oci/ (every terraform command below reads them from the environment)");
        values.forEach((name, value) -> lines.add("export TF_VAR_" + name + "=" + value));
        lines.add("oci iam availability-domain list --compartment-id \"$TF_VAR_" + OciSecurityListEmitter.COMPARTMENT_VARIABLE
                + "\" --query 'data[].name'   # the OCI CLI works; pick the availability domain from this list");
        return lines;
    }

    /** Image Factory's oracle image, converted and imported as a custom image the instances boot. */
    static void image(ClusterPlan plan, Steps steps, List<Block> b) {
        TalosImage image = plan.talosImage();
        String vmdk = image.bootImageName().replaceFirst("\\.qcow2$", ".vmdk");
        String compartment = "\"$TF_VAR_" + OciSecurityListEmitter.COMPARTMENT_VARIABLE + "\"";
        b.add(steps.heading("step-image", "Talos image"));
        b.add(Block.Paragraph.of(Inline.of("The instances boot the Talos ").text(image.talosVersion())
                .text(" image of this cluster's schematic (").code("image/schematic.yaml").text("), for OCI on " + image.architecture()
                        + ". OCI boots it as a stream-optimized VMDK, imported with its default (BIOS) firmware and paravirtualized"
                        + " launch mode; the qcow2 Image Factory serves does not boot there. This is the least tested step of the path:"
                        + " watch the first instance's serial console.")));
        List<String> lines = new ArrayList<>();
        lines.add("curl -fL -o " + image.bootImageName() + " " + image.bootImageUrl());
        lines.add("qemu-img convert -f qcow2 -O vmdk -o subformat=streamOptimized " + image.bootImageName() + " " + vmdk);
        lines.add("oci os object put --bucket-name <bucket> --file " + vmdk);
        lines.add("oci compute image import from-object --compartment-id " + compartment
                + " --namespace \"$(oci os ns get --query data --raw-output)\" --bucket-name <bucket> --name " + vmdk
                + " --display-name talos-" + image.talosVersion() + "-" + image.schematicId().substring(0, 12)
                + " --source-image-type VMDK --launch-mode PARAVIRTUALIZED --operating-system Talos --operating-system-version "
                + image.talosVersion() + " --query data.id --raw-output");
        lines.add("export TF_VAR_clusterspec_talos_image_id=<the image OCID the import printed>");
        lines.add("oci compute image get --image-id \"$TF_VAR_clusterspec_talos_image_id\" --query 'data.\"lifecycle-state\"' --raw-output"
                + "   # AVAILABLE once imported (several minutes)");
        lines.add("oci compute image-shape-compatibility-entry add --image-id \"$TF_VAR_clusterspec_talos_image_id\" --shape-name "
                + OciInstancesEmitter.SHAPE);
        b.add(new Block.Commands(lines));
    }

    /** Every Terraform file of {@code oci/} in one apply, then what the user has to wire by hand. */
    static void oci(ClusterPlan plan, Steps steps, List<Block> b) {
        ApiLoadBalancer lb = plan.apiLoadBalancer().orElseThrow();
        b.add(steps.heading("step-oci", "OCI resources"));
        List<String> files = new ArrayList<>();
        files.add(OciSecurityListEmitter.TERRAFORM_PATH + " (security list)");
        OciTerraformEmitters.emit(plan).forEach(f -> files.add(f.path() + (f.path().equals(OciInstancesEmitter.PATH)
                ? " (" + plan.nodes().size() + " instances)" : f.path().equals(ApiLoadBalancerEmitter.PATH) ? " (API load balancer)"
                : f.path().equals(CcmIamEmitter.PATH) ? " (the CCM's dynamic group and policy)" : "")));
        BastionNsgEmitter.emit(plan).forEach(f -> files.add(f.path() + " (the bastion's security group)"));
        b.add(Block.Paragraph.of(Inline.of("One Terraform module: ").text(String.join(", ", files))
                .text(". The subnet ").code(plan.nodeNetwork().toString()).text(" is a public, regional subnet (its route table sends")
                .text(" 0.0.0.0/0 to the VCN's internet gateway) with a DNS label, so the instances' hostname labels resolve.")));
        List<String> lines = new ArrayList<>();
        lines.add("terraform -chdir=oci init");
        lines.add("terraform -chdir=oci apply");
        lines.add("# make the security list the subnet's only list (OCI unions all lists of a subnet)");
        lines.add("SECURITY_LIST=$(echo '" + securityListReference(plan) + ".id' | terraform -chdir=oci console | tr -d '\"')");
        lines.add("oci network subnet update --subnet-id \"$TF_VAR_clusterspec_subnet_id\" --security-list-ids \"[\\\"$SECURITY_LIST\\\"]\" --force");
        lines.add("oci network subnet get --subnet-id \"$TF_VAR_clusterspec_subnet_id\" --query 'data.\"security-list-ids\"'"
                + "   # that one list");
        HostAccess access = new HostAccess(plan);
        if (access.viaBastion()) {
            lines.addAll(access.attachBastionNsg());
        }
        lines.add("terraform -chdir=oci output " + ApiLoadBalancerEmitter.PUBLIC_IP_OUTPUT + "   # the API load balancer's public IP");
        lb.publicName().ifPresent(name -> {
            lines.add("# point " + name + " at that address (a DNS A record), then:");
            lines.add("dig +short " + name + "   # the API load balancer's public IP");
        });
        lines.add("terraform -chdir=oci output " + OciInstancesEmitter.PUBLIC_IPS_OUTPUT + "   # " + plan.nodes().size()
                + " instances, each with its ephemeral public IP");
        b.add(new Block.Commands(lines));
    }

    /** Maintenance mode at each node's public IP (or from the bastion), then the API load balancer. */
    static void talos(ClusterPlan plan, Steps steps, List<Block> b) {
        ApiLoadBalancer lb = plan.apiLoadBalancer().orElseThrow();
        Node first = plan.controlPlanes().get(0);
        String at = " -e " + plan.adminEndpointHost() + " -n " + first.ip();
        boolean bastion = plan.adminsInsideVcn();
        b.add(steps.heading("step-talos", "Bootstrap Talos"));
        b.add(Block.Paragraph.of(bastion
                ? Inline.of("The instances run no config yet: each waits in maintenance mode, where apid takes a config from anyone who"
                        + " reaches it. The admins are the bastion: copy this output folder there (").code("talos/")
                        .text(" holds secrets; delete it afterwards) and run these commands on it, against the nodes' and the API load"
                                + " balancer's private addresses.")
                : Inline.of("The instances run no config yet: each waits in maintenance mode, where apid takes a config from anyone who"
                        + " reaches it; the security list lets only the admins (").code(adminList(plan))
                        .text(") reach it, at the node's public IP. Once configured, talosctl goes through the API load balancer (")
                        .code(plan.adminEndpointHost() + ":" + ApiLoadBalancer.TALOS_PORT)
                        .text(") and names a node by its private IP. Control planes first; the CNI comes up with them.")));
        List<String> lines = new ArrayList<>();
        if (bastion) {
            String bastionAlias = SshConfigEmitter.bastionAlias(plan);
            lines.add("scp -F " + SshConfigEmitter.PATH + " -r ../cluster " + bastionAlias + ":   # the whole output folder; talos/ holds secrets");
            lines.add("ssh -F " + SshConfigEmitter.PATH + " " + bastionAlias + "   # then: cd cluster && export TALOSCONFIG=\"$PWD/talos/talosconfig\"");
        }
        for (Node node : plan.controlPlanes()) {
            lines.add(applyInsecure(plan, node));
        }
        for (Node node : plan.workers()) {
            lines.add(applyInsecure(plan, node));
        }
        lines.add("talosctl bootstrap" + at);
        lines.add("talosctl health" + at + " --wait-timeout 20m");
        lines.add("oci nlb backend-set-health get --backend-set-name kube-apiserver --network-load-balancer-id \"$(terraform -chdir=oci"
                + " output -raw " + ApiLoadBalancerEmitter.ID_OUTPUT + ")\" --query data.status --raw-output"
                + "   # OK: every control plane's API server answers the load balancer (401 to its anonymous /readyz)");
        lines.add("talosctl kubeconfig" + at + "   # merges into ~/.kube/config");
        if (!plan.endpointUrl().equals(plan.adminApiUrl())) {
            // the config names the cluster endpoint (the load balancer's private IP), which only the VCN reaches
            lines.add("kubectl config set-cluster " + plan.name() + " --server=" + plan.adminApiUrl()
                    + "   # the public address; the nodes use " + plan.endpointUrl());
        }
        lines.add("kubectl get nodes -o wide   # " + plan.nodes().size() + " nodes: "
                + plan.nodes().stream().map(Node::name).collect(Collectors.joining(", ")));
        b.add(new Block.Commands(lines));
    }

    /** The CCM initialised the nodes: provider IDs set, the uninitialized taint gone. */
    static List<String> ccmChecks(ClusterPlan plan) {
        return List.of("kubectl get nodes -o custom-columns=NAME:.metadata.name,PROVIDER-ID:.spec.providerID,TAINTS:.spec.taints[*].key"
                + "   # oci://ocid1.instance... on each of the " + plan.nodes().size() + " nodes, no uninitialized taint left");
    }

    /** What proves the public service's load balancer exists: its address is the reserved IP. */
    static String loadBalancerCheck(String namespace, String service, String reservedIp) {
        return "kubectl -n " + namespace + " get svc " + service + " -o jsonpath='{.status.loadBalancer.ingress[0].ip}'   # "
                + reservedIp + " once the CCM has built the load balancer";
    }

    /** In the upgrade: a configured node, through the load balancer. */
    static String apply(ClusterPlan plan, Node node) {
        return "talosctl apply-config -e " + plan.adminEndpointHost() + " -n " + node.ip() + " -f talos/" + node.name() + ".yaml";
    }

    static String upgradeAt(ClusterPlan plan) {
        return " -e " + plan.adminEndpointHost() + " -n " + plan.controlPlanes().get(0).ip();
    }

    private static String applyInsecure(ClusterPlan plan, Node node) {
        String address = plan.adminsInsideVcn() ? node.ip().toString()
                : String.format(java.util.Locale.ROOT, PUBLIC_IP, OciInstancesEmitter.PUBLIC_IPS_OUTPUT, node.name());
        return "talosctl apply-config --insecure -n " + address + " -f talos/" + node.name() + ".yaml";
    }

    private static String securityListReference(ClusterPlan plan) {
        return "oci_core_security_list." + OciSecurityListEmitter.resourceName(plan.name(), plan.nested());
    }

    private static String adminList(ClusterPlan plan) {
        return plan.admins().stream().map(Object::toString).collect(Collectors.joining(", "));
    }
}
