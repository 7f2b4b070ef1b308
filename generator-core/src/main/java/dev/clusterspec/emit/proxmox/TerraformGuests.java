package dev.clusterspec.emit.proxmox;

import dev.clusterspec.emit.TerraformJson;
import dev.clusterspec.spec.Proxmox;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code proxmox/vms.tf.json}: the guests for the bpg/proxmox provider. The boot ISO is downloaded
 * from Image Factory onto each host that runs a VM; the container's {@code /dev/net/tun}
 * passthrough is a setting Proxmox lets only root@pam make, so the provider logs in with a
 * password (an API token cannot set it).
 */
final class TerraformGuests {

    static final String PROVIDER_VERSION = "0.111.1";
    static final String ENDPOINT_VARIABLE = "proxmox_endpoint";
    static final String PASSWORD_VARIABLE = "proxmox_password";
    static final String TEMPLATE_VARIABLE = "gateway_template";

    private TerraformGuests() {}

    static String render(ProxmoxGuests guests) {
        ObjectNode root = TerraformJson.root();
        TerraformJson.requireProvider(root, "proxmox", "bpg/proxmox", PROVIDER_VERSION);
        TerraformJson.variable(root, ENDPOINT_VARIABLE, "string", "Proxmox API of one host of the cluster, e.g. https://10.1.0.11:8006/");
        TerraformJson.variable(root, "proxmox_username", "string", "root@pam: only root may pass /dev/net/tun into the mesh gateway container")
                .put("default", "root@pam");
        TerraformJson.variable(root, PASSWORD_VARIABLE, "string", "its password").put("sensitive", true);
        TerraformJson.variable(root, "proxmox_insecure", "bool", "accept the hosts' self-signed certificate").put("default", false);
        ObjectNode provider = root.putObject("provider").putObject("proxmox");
        provider.put("endpoint", "${var." + ENDPOINT_VARIABLE + "}");
        provider.put("username", "${var.proxmox_username}");
        provider.put("password", "${var." + PASSWORD_VARIABLE + "}");
        provider.put("insecure", "${var.proxmox_insecure}");

        ObjectNode resources = root.putObject("resource");
        ObjectNode downloads = resources.putObject("proxmox_virtual_environment_download_file");
        Proxmox.Vms storage = guests.proxmox().vms();
        for (Proxmox.Host host : guests.vmHosts()) {
            ObjectNode iso = downloads.putObject(isoResource(host.name()));
            iso.put("content_type", "iso");
            iso.put("datastore_id", storage.isoStorage());
            iso.put("node_name", host.name());
            iso.put("url", guests.image().bootImageUrl());
            iso.put("file_name", guests.image().bootImageName());
            iso.put("overwrite", false);
        }
        ObjectNode vms = resources.putObject("proxmox_virtual_environment_vm");
        for (ProxmoxGuests.Vm vm : guests.vms()) {
            vm(guests, vm, vms.putObject(vm.name()));
        }
        guests.container().ifPresent(c -> {
            TerraformJson.variable(root, TEMPLATE_VARIABLE, "string", "Debian 12 container template for the mesh gateway on "
                    + c.gateway().host() + ", e.g. local:vztmpl/debian-12-standard_12.12-1_" + guests.image().architecture() + ".tar.zst");
            container(guests, c, resources.putObject("proxmox_virtual_environment_container").putObject(c.gateway().hostname()));
        });
        return TerraformJson.write(root);
    }

    static String isoResource(String host) {
        return "talos_iso_" + host.replace('-', '_');
    }

    private static void vm(ProxmoxGuests guests, ProxmoxGuests.Vm vm, ObjectNode r) {
        Proxmox.Vms storage = guests.proxmox().vms();
        Proxmox.Bridge bridge = guests.proxmox().bridge();
        r.put("name", vm.name());
        r.put("node_name", vm.host());
        r.put("vm_id", vm.vmid());
        r.put("description", guests.description(vm));
        strings(r.putArray("tags"), guests.tags(vm));
        r.put("machine", guests.machine());
        r.put("bios", "ovmf");
        ObjectNode efi = r.putObject("efi_disk");
        efi.put("datastore_id", storage.storage());
        efi.put("type", "4m");
        efi.put("pre_enrolled_keys", false);
        ObjectNode cpu = r.putObject("cpu");
        cpu.put("type", vm.size().cpuType());
        cpu.put("cores", vm.size().cores());
        ObjectNode memory = r.putObject("memory");
        memory.put("dedicated", vm.size().memoryMb());
        memory.put("floating", 0);
        r.put("scsi_hardware", ProxmoxGuests.SCSI_CONTROLLER);
        ObjectNode disk = r.putArray("disk").addObject();
        disk.put("interface", ProxmoxGuests.DISK);
        disk.put("datastore_id", storage.storage());
        disk.put("size", vm.size().diskGb());
        disk.put("file_format", "raw");
        disk.put("discard", "on");
        disk.put("ssd", true);
        ObjectNode cdrom = r.putObject("cdrom");
        cdrom.put("file_id", "${proxmox_virtual_environment_download_file." + isoResource(vm.host()) + ".id}");
        cdrom.put("interface", ProxmoxGuests.ISO);
        strings(r.putArray("boot_order"), ProxmoxGuests.BOOT_ORDER);
        ObjectNode nic = r.putArray("network_device").addObject();
        nic.put("bridge", bridge.name());
        nic.put("model", "virtio");
        nic.put("mac_address", vm.mac());
        nic.put("firewall", true);
        nic.put("mtu", bridge.mtu());
        ObjectNode init = r.putObject("initialization");
        init.put("datastore_id", storage.storage());
        init.put("interface", ProxmoxGuests.CLOUD_INIT);
        ObjectNode ipv4 = init.putArray("ip_config").addObject().putObject("ipv4");
        ipv4.put("address", vm.address());
        ipv4.put("gateway", guests.plan().gateway().toString());
        strings(init.putObject("dns").putArray("servers"), guests.plan().spec().network().nameservers().stream().map(Object::toString).toList());
        r.putArray("serial_device").addObject().put("device", "socket");
        if (!guests.arm64()) {
            r.putObject("vga").put("type", "serial0");
        }
        r.putObject("agent").put("enabled", true);
        r.putObject("operating_system").put("type", "l26");
        r.put("on_boot", true);
        r.put("started", true);
        r.put("stop_on_destroy", true);
    }

    private static void container(ProxmoxGuests guests, ProxmoxGuests.Container c, ObjectNode r) {
        Proxmox.Bridge bridge = guests.proxmox().bridge();
        r.put("node_name", c.gateway().host());
        r.put("vm_id", c.gateway().ctid());
        r.put("description", "Tailscale subnet router " + c.gateway().hostname() + " of cluster " + guests.plan().name()
                + " (mesh gateway), generated by clusterspec");
        strings(r.putArray("tags"), List.of("tailscale", guests.plan().name()));
        r.put("unprivileged", true);
        r.putObject("features").put("nesting", true);
        ObjectNode cpu = r.putObject("cpu");
        cpu.put("architecture", guests.image().architecture());
        cpu.put("cores", ProxmoxGuests.CONTAINER_CORES);
        r.putObject("memory").put("dedicated", ProxmoxGuests.CONTAINER_MEMORY_MB);
        ObjectNode disk = r.putObject("disk");
        disk.put("datastore_id", guests.proxmox().vms().storage());
        disk.put("size", ProxmoxGuests.CONTAINER_DISK_GB);
        ObjectNode nic = r.putArray("network_interface").addObject();
        nic.put("name", "eth0");
        nic.put("bridge", bridge.name());
        nic.put("mac_address", c.mac());
        nic.put("firewall", true);
        nic.put("mtu", bridge.mtu());
        ObjectNode init = r.putObject("initialization");
        init.put("hostname", c.gateway().hostname());
        ObjectNode ipv4 = init.putArray("ip_config").addObject().putObject("ipv4");
        ipv4.put("address", c.address());
        ipv4.put("gateway", guests.plan().gateway().toString());
        strings(init.putObject("dns").putArray("servers"), guests.plan().spec().network().nameservers().stream().map(Object::toString).toList());
        ObjectNode os = r.putObject("operating_system");
        os.put("template_file_id", "${var." + TEMPLATE_VARIABLE + "}");
        os.put("type", "debian");
        r.putArray("device_passthrough").addObject().put("path", "/dev/net/tun");
        r.put("start_on_boot", true);
        r.put("started", true);
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
