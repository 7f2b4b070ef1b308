package dev.clusterspec.emit.bastion;

import dev.clusterspec.emit.OutputFile;
import dev.clusterspec.emit.Templates;
import dev.clusterspec.plan.ClusterPlan;
import dev.clusterspec.spec.Bastion;
import dev.clusterspec.spec.Proxmox;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code bastion/ssh_config}: an OpenSSH client configuration that reaches every Proxmox host through
 * the bastion ({@code ProxyJump}), the only way SSH reaches them. The bastion's address is written
 * when it is a reserved IP; an ephemeral one is added by the user (the file says where).
 */
public final class SshConfigEmitter {

    public static final String PATH = "bastion/ssh_config";

    private SshConfigEmitter() {}

    public static List<OutputFile> emit(ClusterPlan plan) {
        return plan.spec().bastionIfAny().map(b -> List.of(OutputFile.text(PATH, render(plan, b)))).orElse(List.of());
    }

    /** The bastion's name in the file, which ProxyJump and the runbook use. */
    public static String bastionAlias(ClusterPlan plan) {
        return plan.name() + "-bastion";
    }

    private static String render(ClusterPlan plan, Bastion bastion) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("cluster", plan.name());
        model.put("alias", bastionAlias(plan));
        model.put("user", bastion.user());
        model.put("address", bastion.reservedIpName().flatMap(n -> plan.spec().oci().reservedIp(n)).map(r -> r.address().toString()).orElse(""));
        model.put("hosts", plan.spec().proxmoxIfAny().map(Proxmox::hosts).orElse(List.of()).stream()
                .map(h -> Map.of("name", h.name(), "address", h.privateIp().toString())).toList());
        return Templates.get().render("bastion/ssh_config.ftl", model);
    }
}
