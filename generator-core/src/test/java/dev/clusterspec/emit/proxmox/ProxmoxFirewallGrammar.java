package dev.clusterspec.emit.proxmox;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reading of Proxmox VE's firewall file grammar (pve-firewall's config parser as documented
 * in pve-firewall.adoc): which sections each file may have, the options each accepts, alias and ipset
 * lines, and rule lines ({@code DIRECTION ACTION [OPTIONS] [# comment]} or {@code GROUP name [-i iface]}).
 * Proxmox itself only logs and skips a bad line, so a generator must be stricter than the daemon.
 * References to aliases, ipsets and groups must resolve against cluster.fw (or the file itself).
 */
final class ProxmoxFirewallGrammar {

    enum Kind { CLUSTER, HOST, VM }

    private static final Pattern SECTION = Pattern.compile("^\\[([A-Za-z]+)(?:\\s+([^\\]\\s]+))?\\]\\s*(#.*)?$");
    private static final Pattern NAME = Pattern.compile("^[A-Za-z][A-Za-z0-9\\-_]+$");
    private static final Pattern OPTION = Pattern.compile("^([a-z_]+):\\s*(\\S+)$");
    private static final Pattern IPV4 = Pattern.compile("^(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})(?:/(\\d{1,2}))?$");
    private static final Pattern PORTS = Pattern.compile("^\\d{1,5}(?::\\d{1,5})?(?:,\\d{1,5}(?::\\d{1,5})?)*$");
    private static final Pattern ACTION = Pattern.compile("^(?:ACCEPT|DROP|REJECT|[A-Za-z0-9]+\\((?:ACCEPT|DROP|REJECT)\\))$");
    private static final Set<String> LOG_LEVELS = Set.of("emerg", "alert", "crit", "err", "warning", "notice", "info", "debug", "nolog");
    private static final Set<String> POLICIES = Set.of("ACCEPT", "DROP", "REJECT");
    private static final Map<Kind, Set<String>> OPTIONS = Map.of(
            Kind.CLUSTER, Set.of("enable", "policy_in", "policy_out", "policy_forward", "ebtables", "log_ratelimit"),
            Kind.HOST, Set.of("enable", "nftables", "log_level_in", "log_level_out", "log_level_forward", "ndp", "nosmurfs",
                    "tcpflags", "smurf_log_level", "tcp_flags_log_level", "log_nf_conntrack", "nf_conntrack_allow_invalid",
                    "nf_conntrack_helpers", "nf_conntrack_max", "nf_conntrack_tcp_timeout_established",
                    "nf_conntrack_tcp_timeout_syn_recv", "protection_synflood", "protection_synflood_rate", "protection_synflood_burst"),
            Kind.VM, Set.of("enable", "policy_in", "policy_out", "log_level_in", "log_level_out", "dhcp", "ndp", "radv",
                    "macfilter", "ipfilter", "ips", "ips_queues", "layer2_protocols"));

    /** What a file defines, for resolving references from other files. */
    static final class Definitions {
        final Set<String> aliases = new HashSet<>(Set.of("local_network", "cluster_network"));
        final Set<String> ipsets = new HashSet<>(Set.of("management", "blacklist"));
        final Set<String> groups = new HashSet<>();
        final Map<String, Integer> rulesPerSection = new HashMap<>();
    }

    private ProxmoxFirewallGrammar() {}

    /** Parses cluster.fw; returns its definitions or throws with every problem found. */
    static Definitions parseCluster(String text) {
        return parse(Kind.CLUSTER, text, new Definitions());
    }

    /** Parses a host.fw or &lt;vmid&gt;.fw against the definitions of cluster.fw. */
    static Definitions parse(Kind kind, String text, Definitions cluster) {
        List<String> problems = new ArrayList<>();
        Definitions own = kind == Kind.CLUSTER ? cluster : copy(cluster);
        List<String[]> deferred = new ArrayList<>(); // rules checked after all definitions are known
        String section = null;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            int n = i + 1;
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher header = SECTION.matcher(line);
            if (header.matches()) {
                String type = header.group(1).toUpperCase(Locale.ROOT);
                String name = header.group(2);
                section = type + (name != null ? " " + name : "");
                if (!sectionAllowed(kind, type)) {
                    problems.add(n + ": section [" + type + "] is not allowed in a " + kind + " file");
                } else if ((type.equals("IPSET") || type.equals("GROUP")) != (name != null)) {
                    problems.add(n + ": section [" + type + "] " + (name == null ? "needs" : "takes no") + " a name");
                } else if (name != null) {
                    int max = type.equals("GROUP") ? 18 : 64;
                    if (!NAME.matcher(name).matches() || name.length() > max) {
                        problems.add(n + ": bad " + type.toLowerCase(Locale.ROOT) + " name " + name);
                    }
                    (type.equals("GROUP") ? own.groups : own.ipsets).add(name.toLowerCase(Locale.ROOT));
                }
                own.rulesPerSection.putIfAbsent(section, 0);
                continue;
            }
            if (section == null) {
                problems.add(n + ": line outside any section: " + line);
                continue;
            }
            String body = stripComment(line);
            String type = section.split(" ")[0];
            switch (type) {
                case "OPTIONS" -> option(kind, body, n, problems);
                case "ALIASES" -> {
                    String[] parts = body.split("\\s+");
                    if (parts.length != 2 || !NAME.matcher(parts[0]).matches() || !address(parts[1])) {
                        problems.add(n + ": bad alias line: " + line);
                    } else {
                        own.aliases.add(parts[0].toLowerCase(Locale.ROOT));
                    }
                }
                case "IPSET" -> {
                    String entry = body.startsWith("!") ? body.substring(1) : body;
                    if (entry.contains(" ") || entry.endsWith("/0") || !(address(entry) || NAME.matcher(entry).matches())) {
                        problems.add(n + ": bad ipset entry: " + line);
                    } else if (!address(entry)) {
                        deferred.add(new String[] {Integer.toString(n), "ALIAS", entry});
                    }
                }
                case "RULES", "GROUP" -> {
                    deferred.add(new String[] {Integer.toString(n), type, body});
                    own.rulesPerSection.merge(section, 1, Integer::sum);
                }
                default -> problems.add(n + ": unknown section " + section);
            }
        }
        for (String[] item : deferred) {
            int n = Integer.parseInt(item[0]);
            if (item[1].equals("ALIAS")) {
                if (!own.aliases.contains(item[2].toLowerCase(Locale.ROOT))) {
                    problems.add(n + ": unknown alias " + item[2]);
                }
            } else {
                rule(kind, item[1].equals("GROUP"), item[2], n, own, problems);
            }
        }
        if (!problems.isEmpty()) {
            throw new AssertionError(kind + " file is not valid Proxmox firewall syntax:\n  " + String.join("\n  ", problems));
        }
        return own;
    }

    private static boolean sectionAllowed(Kind kind, String type) {
        return switch (kind) {
            case CLUSTER -> Set.of("OPTIONS", "RULES", "ALIASES", "IPSET", "GROUP").contains(type);
            case HOST -> Set.of("OPTIONS", "RULES").contains(type);
            case VM -> Set.of("OPTIONS", "RULES", "ALIASES", "IPSET").contains(type);
        };
    }

    private static void option(Kind kind, String body, int n, List<String> problems) {
        Matcher m = OPTION.matcher(body);
        if (!m.matches()) {
            problems.add(n + ": bad option line: " + body);
            return;
        }
        String key = m.group(1);
        String value = m.group(2);
        if (!OPTIONS.get(kind).contains(key)) {
            problems.add(n + ": option " + key + " is not valid in a " + kind + " file");
        } else if (key.startsWith("policy_") && !POLICIES.contains(value)) {
            problems.add(n + ": " + key + " must be ACCEPT, DROP or REJECT: " + value);
        } else if (Set.of("enable", "nftables", "macfilter", "ipfilter", "dhcp", "ndp", "radv", "ebtables").contains(key)
                && !value.matches("[01]")) {
            problems.add(n + ": " + key + " must be 0 or 1: " + value);
        }
    }

    private static void rule(Kind kind, boolean inGroup, String body, int n, Definitions defs, List<String> problems) {
        List<String> tokens = List.of(body.split("\\s+"));
        String direction = tokens.get(0).toUpperCase(Locale.ROOT);
        boolean disabled = direction.startsWith("|");
        if (disabled) {
            direction = direction.substring(1);
        }
        if (direction.equals("GROUP")) {
            if (inGroup) {
                problems.add(n + ": GROUP rules cannot be nested in a group");
            }
            if (tokens.size() < 2 || !defs.groups.contains(tokens.get(1).toLowerCase(Locale.ROOT))) {
                problems.add(n + ": GROUP references an undefined security group: " + body);
            }
            options(kind, tokens.subList(2, tokens.size()), n, defs, problems, true);
            return;
        }
        Set<String> allowed = inGroup ? Set.of("IN", "OUT", "FORWARD")
                : kind == Kind.VM ? Set.of("IN", "OUT") : Set.of("IN", "OUT", "FORWARD");
        if (!allowed.contains(direction)) {
            problems.add(n + ": direction " + direction + " not allowed here: " + body);
            return;
        }
        if (tokens.size() < 2 || !ACTION.matcher(tokens.get(1)).matches()) {
            problems.add(n + ": missing or bad action: " + body);
            return;
        }
        if (direction.equals("FORWARD") && tokens.get(1).contains("REJECT")) {
            problems.add(n + ": REJECT is not valid for FORWARD");
        }
        options(kind, tokens.subList(2, tokens.size()), n, defs, problems, false);
    }

    private static void options(Kind kind, List<String> tokens, int n, Definitions defs, List<String> problems, boolean groupRule) {
        if (tokens.size() % 2 != 0) {
            problems.add(n + ": every option takes one value: " + tokens);
            return;
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < tokens.size(); i += 2) {
            String key = tokens.get(i).replaceFirst("^--?", "-");
            if (options.put(key, tokens.get(i + 1)) != null) {
                problems.add(n + ": option " + key + " given twice");
            }
        }
        Set<String> known = groupRule ? Set.of("-i") : Set.of("-i", "-p", "-proto", "-dport", "-sport", "-source", "-dest", "-log", "-icmp-type");
        for (String key : options.keySet()) {
            if (!known.contains(key)) {
                problems.add(n + ": unknown option " + key);
            }
        }
        String proto = options.getOrDefault("-p", options.get("-proto"));
        if (proto != null && !Set.of("tcp", "udp", "icmp", "icmpv6", "sctp", "gre", "esp", "ah").contains(proto)) {
            problems.add(n + ": unknown protocol " + proto);
        }
        for (String ports : new String[] {"-dport", "-sport"}) {
            String value = options.get(ports);
            if (value == null) {
                continue;
            }
            if (proto == null || !Set.of("tcp", "udp", "sctp").contains(proto)) {
                problems.add(n + ": " + ports + " needs -p tcp|udp");
            }
            if (!PORTS.matcher(value).matches() || !portsInRange(value)) {
                problems.add(n + ": bad port list " + value);
            }
        }
        if (options.containsKey("-icmp-type") && (!"icmp".equals(proto) && !"icmpv6".equals(proto) || options.containsKey("-dport"))) {
            problems.add(n + ": -icmp-type needs -p icmp and no -dport");
        }
        String iface = options.get("-i");
        if (iface != null && kind == Kind.VM && !iface.matches("net([0-9]|[12][0-9]|3[01])")) {
            problems.add(n + ": a VM rule's interface must be net0..net31: " + iface);
        }
        if (options.containsKey("-log") && !LOG_LEVELS.contains(options.get("-log"))) {
            problems.add(n + ": bad log level " + options.get("-log"));
        }
        for (String side : new String[] {"-source", "-dest"}) {
            String value = options.get(side);
            if (value == null) {
                continue;
            }
            for (String item : value.split(",")) {
                if (item.startsWith("+")) {
                    if (!defs.ipsets.contains(item.substring(1).toLowerCase(Locale.ROOT))) {
                        problems.add(n + ": unknown ipset " + item);
                    }
                } else if (!address(item) && !defs.aliases.contains(item.toLowerCase(Locale.ROOT))) {
                    problems.add(n + ": unknown alias or bad address " + item);
                }
            }
        }
    }

    private static boolean portsInRange(String value) {
        for (String part : value.split("[,:]")) {
            int port = Integer.parseInt(part);
            if (port < 1 || port > 65535) {
                return false;
            }
        }
        return true;
    }

    /** An IPv4 address or CIDR with octets and prefix in range (the generator writes IPv4 only). */
    static boolean address(String text) {
        Matcher m = IPV4.matcher(text);
        if (!m.matches()) {
            return false;
        }
        for (int g = 1; g <= 4; g++) {
            if (Integer.parseInt(m.group(g)) > 255) {
                return false;
            }
        }
        return m.group(5) == null || Integer.parseInt(m.group(5)) <= 32;
    }

    private static String stripComment(String line) {
        int hash = line.indexOf('#');
        return (hash >= 0 ? line.substring(0, hash) : line).strip();
    }

    private static Definitions copy(Definitions cluster) {
        Definitions copy = new Definitions();
        copy.aliases.addAll(cluster.aliases);
        copy.ipsets.addAll(cluster.ipsets);
        copy.groups.addAll(cluster.groups);
        return copy;
    }
}
