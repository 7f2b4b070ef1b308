package dev.clusterspec.check;

import dev.clusterspec.spec.ClusterSpec;
import dev.clusterspec.spec.TierQuota;
import dev.clusterspec.spec.Topology;
import java.util.ArrayList;
import java.util.List;

/**
 * The OCI instances of the spec fit the tier's Ampere A1 budget: the Proxmox hosts (nested) or the
 * Talos nodes themselves (direct), and the bastion when it is an A1 instance. The budget is shared by
 * all A1 instances of the tenancy, so the finding goes to the instance that goes over it.
 */
final class A1ComputeCheck implements SpecCheck {

    /** One A1 instance as written: what it is, where its size is, and the size. */
    private record Instance(String what, String pointer, int ocpus, int memoryGb) {}

    @Override
    public void check(CheckContext context) {
        ClusterSpec spec = context.spec();
        spec.bastionIfAny().filter(b -> (b.ocpus() == null) != (b.memoryGb() == null)).ifPresent(b -> context.error(
                b.ocpus() == null ? "/bastion/memoryGb" : "/bastion/ocpus",
                "an A1 bastion needs both ocpus and memoryGb; leave both out for an Always Free AMD micro instance"));
        TierQuota.A1Compute budget = TierQuota.of(spec.oci().tier()).a1Compute().orElse(null);
        if (budget == null) {
            return;
        }
        String fix = spec.topology() == Topology.NESTED
                ? "give the hosts less (proxmox.hosts[].ocpus and memoryGb, default 1 OCPU and 6 GB), use fewer hosts"
                : "give the nodes less (nodes[].ocpus and memoryGb, default 1 OCPU and 6 GB), use fewer nodes";
        String limit = "the " + spec.oci().tier().id() + " tier includes " + budget.ocpus() + " OCPUs and " + budget.memoryGb()
                + " GB across all A1 instances; " + fix + ", or use oci.tier: paid";
        int ocpus = 0;
        int memory = 0;
        boolean ocpusOver = false;
        boolean memoryOver = false;
        for (Instance instance : instances(spec)) {
            ocpus += instance.ocpus();
            memory += instance.memoryGb();
            boolean newOcpus = !ocpusOver && ocpus > budget.ocpus();
            boolean newMemory = !memoryOver && memory > budget.memoryGb();
            ocpusOver |= newOcpus;
            memoryOver |= newMemory;
            if (newOcpus || newMemory) {
                String total = newOcpus && newMemory ? ocpus + " OCPUs and " + memory + " GB" : newOcpus ? ocpus + " OCPUs" : memory + " GB";
                context.error(instance.pointer() + (newOcpus ? "/ocpus" : "/memoryGb"),
                        instance.what() + " brings the A1 instances to " + total + ", but " + limit);
            }
        }
    }

    /** In spec order: the bastion first (it is written first), then the hosts or the nodes. */
    private static List<Instance> instances(ClusterSpec spec) {
        List<Instance> out = new ArrayList<>();
        spec.bastionIfAny().filter(b -> b.ocpus() != null && b.memoryGb() != null)
                .ifPresent(b -> out.add(new Instance("the bastion", "/bastion", b.ocpus(), b.memoryGb())));
        if (spec.topology() == Topology.NESTED) {
            spec.proxmoxIfAny().ifPresent(p -> {
                for (int i = 0; i < p.hosts().size(); i++) {
                    var host = p.hosts().get(i);
                    out.add(new Instance("host " + host.name(), "/proxmox/hosts/" + i, host.ocpus(), host.memoryGb()));
                }
            });
        } else {
            for (int i = 0; i < spec.nodes().size(); i++) {
                var node = spec.nodes().get(i);
                out.add(new Instance("node " + node.name(), "/nodes/" + i, node.ocpus(), node.memoryGb()));
            }
        }
        return out;
    }
}
