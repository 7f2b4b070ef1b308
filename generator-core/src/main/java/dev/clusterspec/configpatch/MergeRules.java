package dev.clusterspec.configpatch;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where Talos's merge departs from "mappings merge key by key, lists are appended, values are
 * replaced". Talos merges typed Go structures; the departures are the fields tagged
 * {@code merge:"replace"} and the types with their own merge method in Talos 1.13
 * ({@code pkg/machinery/config/types}). A tree has no types, so each departure is named here by
 * document kind and path ({@code []} stands for every item of a list).
 */
final class MergeRules {

    /** How a value at a path merges. */
    enum Strategy {
        /** Mappings key by key, lists appended, values replaced unless the patch's value is empty or zero. */
        DEFAULT,
        /** The patch's value replaces the config's whole value (lists and mappings too). */
        REPLACE,
        /** Kubernetes component arguments: each key of the patch replaces the config's key, lists included. */
        ARGUMENTS,
        /** A list whose items are matched by a key field: matching items merge, others are appended. */
        KEYED,
        /** As {@link #KEYED}, but a matching item is replaced, not merged. */
        KEYED_REPLACE,
        /** A value Talos holds by pointer: an explicit zero in the patch does replace the config's value. */
        ZERO_REPLACES
    }

    /**
     * A rule. For keyed lists, {@code keys} are the fields that match items, tried in order: the first
     * one the patch's item sets decides. With {@code zeroMatches}, an item that sets none of them
     * matches an item that sets none either (Go compares zero values); without it, it is appended.
     */
    record Rule(Strategy strategy, List<String> keys, boolean zeroMatches) {
        static Rule of(Strategy strategy) {
            return new Rule(strategy, List.of(), false);
        }

        static Rule keyed(String key) {
            return new Rule(Strategy.KEYED, List.of(key), true);
        }
    }

    static final Rule DEFAULT = Rule.of(Strategy.DEFAULT);

    private static final Rule REPLACE = Rule.of(Strategy.REPLACE);
    private static final Rule ARGUMENTS = Rule.of(Strategy.ARGUMENTS);
    private static final Rule ZERO_REPLACES = Rule.of(Strategy.ZERO_REPLACES);

    /** Rules of the v1alpha1 document. */
    private static final Map<String, Rule> LEGACY = Map.ofEntries(
            Map.entry("machine.kubelet.extraArgs", ARGUMENTS),
            Map.entry("cluster.apiServer.extraArgs", ARGUMENTS),
            Map.entry("cluster.controllerManager.extraArgs", ARGUMENTS),
            Map.entry("cluster.proxy.extraArgs", ARGUMENTS),
            Map.entry("cluster.scheduler.extraArgs", ARGUMENTS),
            Map.entry("cluster.etcd.extraArgs", ARGUMENTS),
            // an interface is the same one when the patch names it, else when its device selector is equal
            Map.entry("machine.network.interfaces", new Rule(Strategy.KEYED, List.of("interface", "deviceSelector"), false)),
            Map.entry("machine.network.interfaces[].vlans", Rule.keyed("vlanId")),
            Map.entry("cluster.apiServer.admissionControl", Rule.keyed("name")),
            Map.entry("cluster.apiServer.auditPolicy", REPLACE),
            Map.entry("cluster.network.podSubnets", REPLACE),
            Map.entry("cluster.network.serviceSubnets", REPLACE),
            Map.entry("machine.network.kubespan.mtu", ZERO_REPLACES));

    /** Rules of typed documents, by kind. */
    private static final Map<String, Map<String, Rule>> TYPED = Map.of(
            "ExtensionServiceConfig", Map.of("configFiles", Rule.keyed("mountPath")),
            "ImageVerificationConfig", Map.of("rules", new Rule(Strategy.KEYED_REPLACE, List.of("image"), true)),
            "NetworkRuleConfig", Map.of("ingress", REPLACE, "portSelector.ports", REPLACE),
            "KubeSpanConfig", Map.of("mtu", ZERO_REPLACES),
            "ZswapConfig", Map.of("maxPoolPercent", ZERO_REPLACES),
            "BondConfig", zeroReplaces("", Set.of("miimon", "updelay", "downdelay", "arpInterval", "adActorSysPrio", "adUserPortKey",
                    "resendIGMP", "minLinks", "lpInterval", "packetsPerSlave", "numPeerNotif", "tlbLogicalLb", "allSlavesActive",
                    "peerNotifDelay", "missedMax")),
            "EthernetConfig", merged(
                    zeroReplaces("rings.", Set.of("rx", "tx", "rx-mini", "rx-jumbo", "rx-buf-len", "cqe-size", "tx-push-buf-len")),
                    zeroReplaces("channels.", Set.of("rx", "tx", "other", "combined"))));

    /** Every link document (LinkConfig, BondConfig, VLANConfig, ...) has addresses with an optional route priority. */
    private static final String ROUTE_PRIORITY = "addresses[].routePriority";

    private MergeRules() {}

    static Rule at(DocumentId document, String path) {
        if (document.isLegacy()) {
            return LEGACY.getOrDefault(path, DEFAULT);
        }
        if (path.equals(ROUTE_PRIORITY)) {
            return ZERO_REPLACES;
        }
        return Optional.ofNullable(TYPED.get(document.kind())).map(rules -> rules.get(path)).orElse(DEFAULT);
    }

    private static Map<String, Rule> zeroReplaces(String prefix, Set<String> fields) {
        return fields.stream().collect(java.util.stream.Collectors.toUnmodifiableMap(f -> prefix + f, f -> ZERO_REPLACES));
    }

    private static Map<String, Rule> merged(Map<String, Rule> a, Map<String, Rule> b) {
        Map<String, Rule> out = new java.util.HashMap<>(a);
        out.putAll(b);
        return Map.copyOf(out);
    }
}
