package dev.clusterspec.emit.talos;

import dev.clusterspec.load.bundle.SecretsBundle.CertificateAndKey;
import dev.clusterspec.spec.Node;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code machine:} of a node's v1alpha1 document, keys in Talos's struct order. The defaults are
 * those of {@code talosctl gen config} for the 1.12/1.13 contracts; what the spec adds is the
 * kubelet's node-IP subnet, the install disk and image, and the node label choice below.
 */
final class MachineSection {

    /** KubePrism's port: Cilium reaches the API through it ({@code k8sServicePort: 7445}). */
    static final int KUBE_PRISM_PORT = 7445;

    static final String EXCLUDE_FROM_EXTERNAL_LB = "node.kubernetes.io/exclude-from-external-load-balancers";
    /** What QEMU's SCSI disk reports as its model (/sys/block/sdX/device/model); its CD-ROMs report another. */
    static final String QEMU_SCSI_DISK_MODEL = "QEMU HARDDISK";
    /** An OCI instance's boot volume, where the Talos image was imported. */
    static final String OCI_BOOT_VOLUME = "/dev/sda";

    private MachineSection() {}

    static ObjectNode render(ConfigInputs in, Node node, ObjectNode parent) {
        ObjectNode machine = parent.putObject("machine");
        machine.put("type", node.role().id());
        machine.put("token", in.bundle().trustdInfo().token());
        caHalf(machine.putObject("ca"), in.bundle().certs().os(), node.isControlPlane());
        // talosctl reaching apid through the API load balancer (direct) must find its addresses in the certificate
        TalosDocuments.strings(machine, "certSANs", in.plan().machineCertSans(node));

        ObjectNode kubelet = machine.putObject("kubelet");
        kubelet.put("image", in.images().kubelet());
        kubelet.put("defaultRuntimeSeccompProfileEnabled", true);
        // the bridge only: a second address (a Tailscale interface, a Docker bridge) must never
        // become the node IP the control plane and Cilium talk to
        TalosDocuments.strings(kubelet.putObject("nodeIP"), "validSubnets", List.of(in.plan().nodeNetwork().toString()));
        kubelet.put("disableManifestsDirectory", true);

        ObjectNode install = machine.putObject("install");
        if (node.installDiskIfAny().isPresent()) {
            install.put("disk", node.installDisk());
        } else if (in.plan().nested()) {
            // the VM definitions put one disk on the SCSI controller; the ISO and cloud-init drives are CD-ROMs
            install.putObject("diskSelector").put("model", QEMU_SCSI_DISK_MODEL);
        } else {
            install.put("disk", OCI_BOOT_VOLUME);
        }
        install.put("image", in.plan().talosImage().installer());
        install.put("wipe", false);
        // 1.12+ default for new installs; kernel arguments then belong in the image, not extraKernelArgs
        install.put("grubUseUKICmdline", true);

        ObjectNode features = machine.putObject("features");
        features.put("diskQuotaSupport", true);
        ObjectNode kubePrism = features.putObject("kubePrism");
        kubePrism.put("enabled", true);
        kubePrism.put("port", KUBE_PRISM_PORT);
        ObjectNode hostDns = features.putObject("hostDNS");
        hostDns.put("enabled", true);
        // safe with our Cilium settings: the conflict Talos documents is with bpf.masquerade, which stays off
        hostDns.put("forwardKubeDNSToHost", true);

        // gen config keeps control planes out of external load balancers; when they are the only nodes,
        // they must stay eligible or no LoadBalancer Service could ever get a backend
        if (node.isControlPlane() && !in.controlPlanesRunWorkloads()) {
            machine.putObject("nodeLabels").put(EXCLUDE_FROM_EXTERNAL_LB, "");
        }
        return machine;
    }

    /**
     * A CA as a node carries it: control planes hold the key to issue certificates; workers get the
     * certificate only (Talos rejects a CA key on a worker). The empty key is written as
     * {@code gen config} writes it.
     */
    static void caHalf(ObjectNode target, CertificateAndKey ca, boolean withKey) {
        target.put("crt", ca.certificateBase64());
        target.put("key", withKey ? ca.keyBase64() : "");
    }
}
