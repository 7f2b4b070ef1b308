package dev.clusterspec.emit.report;

import dev.clusterspec.emit.bastion.SshConfigEmitter;
import dev.clusterspec.emit.hostnet.HostNetworkEmitter;
import dev.clusterspec.emit.nftables.HostNftablesEmitter;
import dev.clusterspec.emit.oci.BastionNsgEmitter;
import dev.clusterspec.emit.oci.OciSecurityListEmitter;
import dev.clusterspec.emit.proxmox.ProxmoxFirewallEmitter;
import dev.clusterspec.emit.proxmox.ProxmoxGuestsEmitter;
import dev.clusterspec.plan.ClusterPlan;
import dev.clusterspec.plan.MeshGateway;
import dev.clusterspec.plan.PublicExposure;
import dev.clusterspec.plan.firewall.FirewallPlan;
import dev.clusterspec.spec.Node;
import dev.clusterspec.spec.Proxmox;
import dev.clusterspec.spec.Proxmox.Host;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The runbook's steps from nothing to VMs in maintenance mode (topology nested): the OCI resources,
 * the Proxmox hosts (network, cluster, firewall, nftables), the guests, and the mesh gateway through
 * which the admins then reach the nodes. Each ends with a command whose output shows it worked.
 */
final class NestedRunbook {

    private NestedRunbook() {}

    static void steps(ClusterPlan plan, FirewallPlan firewall, Steps steps, List<Block> b) {
        HostAccess access = new HostAccess(plan);
        oci(plan, access, steps, b);
        hosts(plan, firewall, access, steps, b);
        guests(plan, access, steps, b);
        plan.meshGateway().ifPresent(g -> meshGateway(plan, g, access, steps, b));
    }

    private static void oci(ClusterPlan plan, HostAccess access, Steps steps, List<Block> b) {
        Proxmox proxmox = plan.spec().proxmox();
        b.add(steps.heading("step-oci", "OCI: instances, security list, reserved IP"));
        List<String> hostList = proxmox.hosts().stream().map(h -> h.name() + " " + h.privateIp() + " (" + h.ocpus() + " OCPU, " + h.memoryGb() + " GB)")
                .toList();
        b.add(Block.Paragraph.of(Inline.of("Create the Proxmox hosts as ").code("VM.Standard.A1.Flex").text(" instances in subnet ")
                .code(plan.spec().oci().vcn().subnet().toString()).text(" with these private IPs: " + String.join(", ", hostList)
                        + "; install Proxmox VE on each (Debian 12; on Ampere a Proxmox VE port for arm64)")
                .text(plan.spec().bastionIfAny().map(bastion -> "; the bastion at " + bastion.privateIp()).orElse("") + ".")));
        List<String> lines = new ArrayList<>();
        lines.add("# the security list of the subnet (" + OciSecurityListEmitter.TERRAFORM_PATH + ")"
                + (plan.spec().bastion() != null ? " and the bastion's security group (" + BastionNsgEmitter.PATH + ")" : ""));
        lines.add("terraform -chdir=oci init");
        lines.add("terraform -chdir=oci apply -var " + OciSecurityListEmitter.COMPARTMENT_VARIABLE + "=<compartment OCID> -var "
                + OciSecurityListEmitter.VCN_VARIABLE + "=<VCN OCID>");
        lines.add("# attach the list to the subnet " + plan.spec().oci().vcn().subnet() + " as its only security list");
        if (access.viaBastion()) {
            lines.addAll(access.attachBastionNsg());
        }
        for (PublicExposure e : plan.publicExposures()) {
            Host host = e.ingressHost();
            if (host == null || host.secondaryPrivateIp() == null) {
                continue;
            }
            String line = "# reserved IP " + e.reservedIpName() + " (" + e.reservedIp() + ") onto the secondary private IP "
                    + host.secondaryPrivateIp() + " of " + host.name();
            if (!lines.contains(line)) {
                lines.add(line);
                lines.add("oci network vnic assign-private-ip --vnic-id <VNIC OCID of " + host.name() + "> --ip-address " + host.secondaryPrivateIp());
                lines.add("oci network public-ip update --public-ip-id <OCID of reserved IP " + e.reservedIpName() + "> --private-ip-id <OCID of private IP "
                        + host.secondaryPrivateIp() + ">");
            }
        }
        if (access.viaBastion()) {
            lines.add("# SSH reaches every host, only through the bastion (" + SshConfigEmitter.PATH + ")");
            proxmox.hosts().forEach(h -> lines.add(access.ssh(h) + " hostname"));
        }
        b.add(new Block.Commands(lines));
    }

    private static void hosts(ClusterPlan plan, FirewallPlan firewall, HostAccess access, Steps steps, List<Block> b) {
        Proxmox proxmox = plan.spec().proxmox();
        Proxmox.Bridge bridge = proxmox.bridge();
        Host first = proxmox.hosts().get(0);
        b.add(steps.heading("step-hosts", "Proxmox hosts: network, cluster, firewall, nftables"));
        b.add(Block.Paragraph.of(Inline.of("Each host's network file gives it ").code(bridge.name())
                .text(" with a VXLAN port to the other hosts (one Layer-2 segment) at MTU " + bridge.mtu()
                        + "; the host's own nftables table is loaded by a systemd unit of its own (never from ")
                .code("/etc/nftables.conf").text(", whose Debian default flushes every table). ")
                .text(access.viaBastion() ? "SSH reaches the hosts only through the bastion." : "The spec has no bastion: run these from wherever you administer the hosts.")));
        List<String> lines = new ArrayList<>();
        lines.add("# network: the bridge, its VXLAN port and routes, forwarding (" + HostNetworkEmitter.INSTALL_PATH + ")");
        for (Host host : proxmox.hosts()) {
            lines.add(access.scp(HostNetworkEmitter.interfacesPath(host.name()), host, HostNetworkEmitter.INSTALL_PATH));
            lines.add(access.scp(HostNetworkEmitter.sysctlPath(host.name()), host, HostNetworkEmitter.SYSCTL_INSTALL_PATH));
            lines.add(access.ssh(host) + " 'sysctl --system >/dev/null && ifreload -a && ip -br addr show " + bridge.name()
                    + " && bridge fdb show dev vxlan" + bridge.vxlanId() + "'");
            host.secondaryPrivateIpIfAny().ifPresent(ip ->
                    lines.add(access.ssh(host) + " 'ip -4 -o addr show | grep -w " + ip + "'   # the reserved IP's secondary address is up"));
        }
        if (proxmox.hosts().size() > 1) {
            int payload = bridge.mtu() - 28;
            lines.add("# one Layer-2 segment at the full MTU: unfragmented pings from " + first.name() + " to every other host's bridge address");
            for (Host other : proxmox.hosts().subList(1, proxmox.hosts().size())) {
                lines.add(access.ssh(first) + " ping -c 2 -M do -s " + payload + " " + other.bridgeIp());
            }
            lines.add("# the Proxmox cluster, over the VCN addresses");
            lines.add(access.ssh(first) + " pvecm create " + plan.name() + " --link0 " + first.privateIp());
            for (Host other : proxmox.hosts().subList(1, proxmox.hosts().size())) {
                lines.add(access.ssh(other) + " pvecm add " + first.privateIp() + " --link0 " + other.privateIp() + " --use_ssh 1");
            }
            lines.add(access.ssh(first) + " 'pvecm status | grep -E \"Nodes|Quorate\"'   # " + proxmox.hosts().size() + " nodes, quorate");
        }
        lines.add("# the Proxmox firewall: /etc/pve is shared by the cluster, so every file goes to " + first.name());
        List<String> guestFiles = new ArrayList<>(plan.nodes().stream().filter(n -> n.vmid() != null)
                .map(n -> ProxmoxFirewallEmitter.vmPath(n.vmid())).toList());
        plan.meshGateway().ifPresent(g -> guestFiles.add(ProxmoxFirewallEmitter.vmPath(g.ctid())));
        lines.add(access.scp(ProxmoxFirewallEmitter.clusterPath() + " " + String.join(" ", guestFiles), first, "/etc/pve/firewall/"));
        for (Host host : proxmox.hosts()) {
            lines.add(access.scp(ProxmoxFirewallEmitter.hostPath(host.name()), first, "/etc/pve/nodes/" + host.name() + "/host.fw"));
        }
        String nftFolder = HostNftablesEmitter.INSTALL_PATH.substring(0, HostNftablesEmitter.INSTALL_PATH.lastIndexOf('/'));
        lines.add("# on every host: the firewall compiled and running, then the nftables table by its unit");
        for (Host host : proxmox.hosts()) {
            lines.add(access.ssh(host) + " 'pve-firewall compile >/dev/null && pve-firewall restart && pve-firewall status'");
            lines.add(access.ssh(host) + " mkdir -p " + nftFolder);
            lines.add(access.scp(HostNftablesEmitter.path(host.name()), host, HostNftablesEmitter.INSTALL_PATH));
            lines.add(access.scp(HostNftablesEmitter.unitPath(host.name()), host, "/etc/systemd/system/" + HostNftablesEmitter.UNIT));
            lines.add(access.ssh(host) + " 'nft -c -f " + HostNftablesEmitter.INSTALL_PATH + " && systemctl daemon-reload && systemctl enable --now "
                    + HostNftablesEmitter.UNIT + " && nft list chain inet " + HostNftablesEmitter.TABLE + " forward'");
        }
        b.add(new Block.Commands(lines));
        firewall.gatewayHost().ifPresent(g -> b.add(Block.Paragraph.of(Inline.of("The VMs' default gateway is ")
                .code(g.bridgeIp().toString()).text(" (" + g.name() + "): it routes and masquerades their egress."))));
    }

    private static void guests(ClusterPlan plan, HostAccess access, Steps steps, List<Block> b) {
        Proxmox proxmox = plan.spec().proxmox();
        Host first = proxmox.hosts().get(0);
        b.add(steps.heading("step-guests", "The Talos VMs" + (plan.meshGateway().isPresent() ? " and the mesh gateway container" : "")));
        b.add(Block.Paragraph.of(Inline.of("Each VM boots the Talos " + plan.spec().versions().talos() + " ISO of the cluster's schematic ")
                .code(plan.talosImage().schematicId().substring(0, 12)).text(" (image/schematic.yaml) and waits in maintenance mode at its address,"
                        + " which it takes from its cloud-init drive; its NIC has the MAC its Talos config selects. With Terraform (")
                .code(ProxmoxGuestsEmitter.TERRAFORM_PATH).text(", through a tunnel to the Proxmox API) or, without it, with ")
                .code(ProxmoxGuestsEmitter.SCRIPT_PATH).text(" on each host.")));
        List<String> lines = new ArrayList<>();
        String template = plan.meshGateway().isPresent() ? " -var gateway_template=local:vztmpl/<Debian 12 template>" : "";
        lines.add(access.viaBastion() ? "ssh -F " + SshConfigEmitter.PATH + " -N -L 8006:localhost:8006 " + first.name() + " &" : "# the API of " + first.name());
        lines.add("terraform -chdir=proxmox init");
        lines.add("terraform -chdir=proxmox apply -var proxmox_endpoint=https://" + (access.viaBastion() ? "localhost" : first.privateIp().toString())
                + ":8006/ -var proxmox_insecure=true -var 'proxmox_password=<root password>'" + template);
        lines.add("# or, without Terraform:");
        for (Host host : proxmox.hosts()) {
            String env = plan.meshGateway().filter(g -> g.host().equals(host.name())).isPresent()
                    ? "GATEWAY_TEMPLATE=local:vztmpl/<Debian 12 template> " : "";
            lines.add(access.ssh(host) + " '" + env + "sh -s -- " + host.name() + "' < " + ProxmoxGuestsEmitter.SCRIPT_PATH);
        }
        lines.add("# every guest runs, and every VM answers at its address (no Talos firewall in maintenance mode)");
        lines.add(access.ssh(first) + " 'pvesh get /cluster/resources --type vm --output-format text'");
        lines.add(access.ssh(first) + " 'for ip in " + plan.nodes().stream().map(n -> n.ip().toString()).collect(Collectors.joining(" "))
                + "; do ping -c 1 -W 2 $ip >/dev/null && echo \"$ip up\" || echo \"$ip DOWN\"; done'");
        b.add(new Block.Commands(lines));
    }

    /**
     * The tailnet's way in: tailscaled in the container as a subnet router without SNAT. Its auth key
     * is piped from where the spec's reference points, never written out.
     */
    private static void meshGateway(ClusterPlan plan, MeshGateway gateway, HostAccess access, Steps steps, List<Block> b) {
        Proxmox.Bridge bridge = plan.spec().proxmox().bridge();
        Host host = plan.host(gateway.host()).orElseThrow();
        String ssh = access.ssh(host);
        b.add(steps.heading("step-mesh-gateway", "Mesh gateway " + gateway.hostname()));
        b.add(Block.Paragraph.of(Inline.of("The container on ").code(bridge.name()).text(" advertises ").code(gateway.advertisedRoute().toString())
                .text(" to the tailnet without SNAT, so every firewall layer sees the admin's own address; the nodes and hosts route ")
                .code(gateway.tailnet().toString()).text(" back through ").code(gateway.ip().toString())
                .text(". Its tags must be in the tailnet policy's tagOwners; approve the route in the admin console (or with autoApprovers).")));
        List<String> lines = new ArrayList<>();
        lines.add(ssh + " 'pct exec " + gateway.ctid() + " -- sh -c \"echo net.ipv4.ip_forward=1 > /etc/sysctl.d/99-tailscale.conf"
                + " && sysctl -p /etc/sysctl.d/99-tailscale.conf && apt-get update && apt-get install -y curl"
                + " && curl -fsSL https://tailscale.com/install.sh | sh\"'");
        String up = "pct exec " + gateway.ctid() + " -- tailscale up --auth-key=file:/dev/stdin --hostname=" + gateway.hostname()
                + " --advertise-routes=" + gateway.advertisedRoute() + " --snat-subnet-routes=false --advertise-tags=" + String.join(",", gateway.tags());
        lines.add(gateway.authKey().map(k -> k.stdinPipe() + ssh + " '" + up + "' " + k.stdinRedirect("../..").trim())
                .orElse("printf '%s' '<auth key>' | " + ssh + " '" + up + "'").trim());
        Node first = plan.controlPlanes().get(0);
        lines.add("# from your machine on the tailnet, once the route is approved: the VMs in maintenance mode, and the disk each will install to");
        lines.add("tailscale ping " + gateway.hostname());
        lines.add("talosctl -n " + first.ip() + " get disks --insecure   # one QEMU HARDDISK (the install disk) and the CD-ROMs");
        b.add(new Block.Commands(lines));
    }
}
