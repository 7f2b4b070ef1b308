package dev.clusterspec.emit.report;

import dev.clusterspec.emit.OutputFile;
import dev.clusterspec.emit.oci.ApiLoadBalancerEmitter;
import dev.clusterspec.emit.oci.BastionNsgEmitter;
import dev.clusterspec.emit.oci.CcmIamEmitter;
import dev.clusterspec.emit.oci.OciInstancesEmitter;
import dev.clusterspec.emit.oci.OciSecurityListEmitter;
import dev.clusterspec.emit.oci.OciTerraformEmitters;
import dev.clusterspec.plan.ApiLoadBalancer;
import dev.clusterspec.plan.ClusterPlan;
import dev.clusterspec.spec.Addons.OciCcm;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The runbook's values of topology direct, from zero: Terraform's inputs, the Talos image imported
 * into OCI, the OCI resources of {@code oci/}, and how admins reach the nodes.
 *
 * <p>Admins outside the VCN (firewall.admins) configure each node at its ephemeral public IP while it is
 * in maintenance mode, then reach apid and the API through the load balancer's public address. Admins on
 * the bastion (the default) work there with private addresses: the nodes' and the load balancer's.
 */
final class DirectRunbook {

    private DirectRunbook() {}

    static Map<String, Object> model(ClusterPlan plan) {
        ApiLoadBalancer lb = plan.apiLoadBalancer().orElseThrow();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("terraformInputs", terraformInputs(plan));
        m.put("instanceShape", OciInstancesEmitter.SHAPE);
        m.put("terraformFiles", terraformFiles(plan));
        m.put("securityListResource", "oci_core_security_list." + OciSecurityListEmitter.resourceName(plan.name(), plan.nested()));
        m.put("apiPublicIpOutput", ApiLoadBalancerEmitter.PUBLIC_IP_OUTPUT);
        m.put("apiLoadBalancerIdOutput", ApiLoadBalancerEmitter.ID_OUTPUT);
        m.put("nodePublicIpsOutput", OciInstancesEmitter.PUBLIC_IPS_OUTPUT);
        lb.publicName().ifPresent(name -> m.put("apiPublicName", name));
        m.put("adminsOnBastion", plan.adminsInsideVcn());
        m.put("admins", plan.admins().stream().map(Object::toString).toList());
        m.put("adminEndpointHost", plan.adminEndpointHost());
        m.put("talosPort", ApiLoadBalancer.TALOS_PORT);
        return m;
    }

    /**
     * The inputs of {@code oci/} that need a value from the user: which ones exist, and the OCIDs the
     * spec already has (the CCM's); the templates write placeholders for the rest.
     */
    private static Map<String, Object> terraformInputs(ClusterPlan plan) {
        OciCcm ccm = plan.spec().addons().ociCcm();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tenancy", !CcmIamEmitter.emit(plan).isEmpty());
        if (ccm.enabled()) {
            m.put("compartmentId", ccm.compartmentId());
            m.put("vcnId", ccm.vcnId());
            m.put("subnetId", ccm.subnetId());
        }
        plan.apiLoadBalancer().flatMap(ApiLoadBalancer::reservedIp).ifPresent(r -> m.put("apiReservedIp", r.name()));
        return m;
    }

    /** The Terraform files of the one module, with what each holds ({@code kind}) for the templates to name. */
    private static List<Map<String, Object>> terraformFiles(ClusterPlan plan) {
        List<Map<String, Object>> files = new ArrayList<>();
        files.add(Map.of("path", OciSecurityListEmitter.TERRAFORM_PATH, "kind", "security-list"));
        for (OutputFile f : OciTerraformEmitters.emit(plan)) {
            String kind = f.path().equals(OciInstancesEmitter.PATH) ? "instances" : f.path().equals(ApiLoadBalancerEmitter.PATH)
                    ? "api-load-balancer" : f.path().equals(CcmIamEmitter.PATH) ? "ccm-iam" : "other";
            files.add(Map.of("path", f.path(), "kind", kind));
        }
        BastionNsgEmitter.emit(plan).forEach(f -> files.add(Map.of("path", f.path(), "kind", "bastion-nsg")));
        return files;
    }
}
