package dev.clusterspec.plan;

import dev.clusterspec.Sha256;
import dev.clusterspec.UserError;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The MAC address of each guest NIC on the bridge, derived from the cluster's and the guest's names:
 * the same spec always gives the same MACs, so a VM definition and the node's LinkAliasConfig (which
 * finds the NIC by its MAC) agree without anyone copying an address. The first octet is locally
 * administered and unicast ({@code x2}, {@code x6}, {@code xA}, {@code xE}), the rest comes from a
 * SHA-256 of the names; a collision among the cluster's guests is refused.
 */
public final class GuestMacs {

    private final Map<String, String> byGuest;

    private GuestMacs(Map<String, String> byGuest) {
        this.byGuest = byGuest;
    }

    static GuestMacs of(String cluster, List<String> guests) {
        Map<String, String> byGuest = new LinkedHashMap<>();
        Map<String, String> owner = new HashMap<>();
        for (String guest : guests) {
            String mac = derive(cluster, guest);
            String other = owner.putIfAbsent(mac, guest);
            if (other != null) {
                throw new MacCollisionException("guests " + other + " and " + guest + " of cluster " + cluster
                        + " would get the same MAC address " + mac + "; rename one of them");
            }
            byGuest.put(guest, mac);
        }
        return new GuestMacs(byGuest);
    }

    /** Lower case, colon separated: the form Talos's {@code mac()} gives and Proxmox accepts. */
    static String derive(String cluster, String guest) {
        byte[] hash = Sha256.digest(("clusterspec/" + cluster + "/" + guest).getBytes(StandardCharsets.UTF_8));
        StringBuilder mac = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            int octet = i == 0 ? (hash[0] & 0xfc) | 0x02 : hash[i] & 0xff;
            if (i > 0) {
                mac.append(':');
            }
            mac.append(String.format(java.util.Locale.ROOT, "%02x", octet));
        }
        return mac.toString();
    }

    public String of(String guest) {
        String mac = byGuest.get(guest);
        if (mac == null) {
            throw new IllegalArgumentException("no guest " + guest);
        }
        return mac;
    }

    /** Two guests' names hash to one MAC (vanishingly rare); renaming one is the way out. */
    public static final class MacCollisionException extends RuntimeException implements UserError {
        MacCollisionException(String message) {
            super(message);
        }
    }
}
