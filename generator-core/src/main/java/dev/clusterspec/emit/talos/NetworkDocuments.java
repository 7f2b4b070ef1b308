package dev.clusterspec.emit.talos;

import dev.clusterspec.plan.ClusterPlan;
import dev.clusterspec.plan.Route;
import dev.clusterspec.spec.Ip;
import dev.clusterspec.spec.Network;
import dev.clusterspec.spec.Node;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * A node's network as the documents of the 1.12+ contract, which replace the deprecated
 * {@code machine.network} (1.13 drops it from the schema): a static hostname, the NIC found by its
 * MAC (LinkAliasConfig) with its address, MTU, default route and the route back to the tailnet through the mesh gateway, the
 * control-plane VIP, resolvers and time servers. In the direct topology the platform configures the
 * NIC, so only the hostname, resolvers and time servers are written.
 *
 * <p>Configuring a link explicitly stops Talos from running DHCP on any physical link, which is what
 * a static bridge address wants. The VIP is listed on control planes only (Talos refuses it on
 * workers); Talos keeps it out of kubelet node-IP and etcd advertise selection by itself.
 */
final class NetworkDocuments {

    /** The name the node's NIC gets by its LinkAliasConfig. */
    static final String LINK_ALIAS = "net0";

    private NetworkDocuments() {}

    static List<ObjectNode> render(ClusterPlan plan, Node node) {
        List<ObjectNode> documents = new ArrayList<>();
        documents.add(hostname(node));
        // direct: Talos's oracle platform names the VNIC eth0 and DHCP gives it the instance's address, gateway
        // and MTU; a LinkConfig would stop that DHCP, and a VCN carries no Layer-2 VIP
        if (plan.nested()) {
            documents.add(alias(plan, node));
            documents.add(link(plan, node));
            if (node.isControlPlane()) {
                documents.add(vip(plan, node));
            }
        }
        documents.add(resolvers(plan.spec().network()));
        documents.add(timeSync(plan.spec().network()));
        return documents;
    }

    /**
     * A static hostname; it conflicts with {@code auto: stable}, which {@code gen config} writes. In the
     * direct topology it is also the instance's display name and VNIC hostname label, by which the OCI
     * CCM finds the node's instance: written here, it cannot drift from them whatever the platform reports.
     */
    private static ObjectNode hostname(Node node) {
        ObjectNode document = TalosDocuments.typed("HostnameConfig");
        document.put("hostname", node.name());
        return document;
    }

    /**
     * The NIC by identity: the MAC the VM definitions give it (lower case, as Talos's {@code mac()}
     * writes it), not a kernel name that depends on the machine type and PCI layout.
     */
    private static ObjectNode alias(ClusterPlan plan, Node node) {
        ObjectNode document = TalosDocuments.typed("LinkAliasConfig");
        document.put("name", LINK_ALIAS);
        document.putObject("selector").put("match", "mac(link.permanent_addr) == \"" + plan.mac(node.name()) + "\"");
        return document;
    }

    /** The link the node's address, routes and VIP are on: the alias on Proxmox VMs, the platform's NIC on OCI. */
    static String linkName(ClusterPlan plan) {
        return plan.nested() ? LINK_ALIAS : ClusterPlan.NODE_NIC;
    }

    private static ObjectNode link(ClusterPlan plan, Node node) {
        ObjectNode document = TalosDocuments.typed("LinkConfig");
        document.put("name", linkName(plan));
        plan.linkMtu().ifPresent(mtu -> document.put("mtu", mtu));
        document.putArray("addresses").addObject()
                .put("address", node.ip() + "/" + plan.nodeNetwork().prefixLength());
        var routes = document.putArray("routes");
        // no destination: Talos makes it the default route of the gateway's address family
        routes.addObject().put("gateway", plan.gateway().toString());
        for (Route route : plan.extraRoutes()) {
            routes.addObject().put("destination", route.destination().toString()).put("gateway", route.gateway().toString());
        }
        return document;
    }

    private static ObjectNode vip(ClusterPlan plan, Node node) {
        ObjectNode document = TalosDocuments.typed("Layer2VIPConfig");
        document.put("name", plan.vip().toString());
        document.put("link", linkName(plan));
        return document;
    }

    private static ObjectNode resolvers(Network network) {
        ObjectNode document = TalosDocuments.typed("ResolverConfig");
        var nameservers = document.putArray("nameservers");
        for (Ip nameserver : network.nameservers()) {
            nameservers.addObject().put("address", nameserver.toString());
        }
        return document;
    }

    private static ObjectNode timeSync(Network network) {
        ObjectNode document = TalosDocuments.typed("TimeSyncConfig");
        TalosDocuments.strings(document.putObject("ntp"), "servers", network.timeServers());
        return document;
    }
}
