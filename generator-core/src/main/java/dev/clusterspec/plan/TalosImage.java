package dev.clusterspec.plan;

import dev.clusterspec.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The Talos image of the cluster from Image Factory: the schematic (the system extensions the nodes
 * run), its ID as Image Factory computes it, the installer that {@code machine.install.image} names
 * and the boot image a new machine starts from.
 *
 * <p>Image Factory decodes a schematic into its struct and hashes the struct's YAML encoding
 * (go-yaml's v3 defaults: four-space indent, sequences indented under their key, keys in struct
 * order, empty parts left out, {@code customization} always written). {@link #schematicYaml()} writes
 * exactly those bytes for the part of the struct we use, so the ID is known offline and is the one
 * Image Factory gives back for the same schematic.
 *
 * <p>The installer is the platform's own ({@code <platform>-installer}, Talos 1.10+): with
 * {@code grubUseUKICmdline} the installed kernel command line, {@code talos.platform} and the
 * platform's {@code net.ifnames=0} included, comes from it.
 */
public record TalosImage(String platform, String architecture, String talosVersion, List<String> extensions) {

    public static final String FACTORY = "factory.talos.dev";
    /** The extension Proxmox's guest agent talks to (VM shutdown, addresses in the Proxmox UI). */
    public static final String QEMU_GUEST_AGENT = "siderolabs/qemu-guest-agent";
    /** Values written as plain YAML scalars; anything else would need quoting rules we do not reproduce. */
    private static final Pattern PLAIN = Pattern.compile("[a-z0-9][a-z0-9._/-]*");

    public TalosImage {
        extensions = List.copyOf(extensions);
        for (String extension : extensions) {
            if (!PLAIN.matcher(extension).matches()) {
                throw new IllegalArgumentException("extension name " + extension + " is not an official extension name");
            }
        }
    }

    /** The schematic as Image Factory encodes it, byte for byte. */
    public String schematicYaml() {
        if (extensions.isEmpty()) {
            return "customization: {}\n";
        }
        StringBuilder yaml = new StringBuilder("customization:\n    systemExtensions:\n        officialExtensions:\n");
        extensions.forEach(e -> yaml.append("            - ").append(e).append('\n'));
        return yaml.toString();
    }

    /** The schematic ID: the SHA-256 of {@link #schematicYaml()}, as Image Factory computes it. */
    public String schematicId() {
        return Sha256.hex(schematicYaml().getBytes(StandardCharsets.UTF_8));
    }

    /** {@code factory.talos.dev/<platform>-installer/<id>:<version>}. */
    public String installer() {
        return FACTORY + "/" + platform + "-installer/" + schematicId() + ":" + talosVersion;
    }

    /** The image a new machine boots: the ISO of its platform (nocloud), or the disk image (oracle). */
    public String bootImageUrl() {
        return "https://" + FACTORY + "/image/" + schematicId() + "/" + talosVersion + "/" + bootImageFile();
    }

    public String bootImageFile() {
        return platform + "-" + architecture + ("oracle".equals(platform) ? ".qcow2" : ".iso");
    }

    /** A file name that says what the boot image is, for a host's ISO store. */
    public String bootImageName() {
        return "talos-" + talosVersion + "-" + schematicId().substring(0, 12) + "-" + bootImageFile();
    }
}
