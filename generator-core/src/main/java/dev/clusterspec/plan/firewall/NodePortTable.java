package dev.clusterspec.plan.firewall;

import dev.clusterspec.plan.ClusterPlan;
import dev.clusterspec.spec.Firewall.NodeIngress;
import java.util.List;
import dev.clusterspec.plan.Ports;

/**
 * What the Talos nodes must accept, and from whom: Talos's own ports (apid, trustd, etcd, kubelet),
 * kube-apiserver, and Cilium's node-to-node ports. Talos has no SSH: the architecture document's
 * "SSH from the Proxmox host" becomes apid from the hosts' bridge addresses. Enforced twice, by the
 * Talos ingress firewall and by each VM's Proxmox firewall (nested) or the OCI security list (direct,
 * where the load balancers in front of the nodes add their forwarded traffic and health checks).
 */
final class NodePortTable {

    private NodePortTable() {}

    static List<Flow> derive(Peers peers, Layer layer) {
        ClusterPlan plan = peers.plan();
        Endpoint all = peers.nodes(Endpoint.NodeGroup.ALL);
        Endpoint controlPlanes = peers.nodes(Endpoint.NodeGroup.CONTROL_PLANES);
        int apiServer = plan.spec().controlPlane().port();
        FlowList out = new FlowList(layer);

        out.allow(peers.admins(), all, Protocol.TCP, Ports.TALOS_APID, "apid: talosctl from the admins");
        out.allow(controlPlanes, all, Protocol.TCP, Ports.TALOS_APID, "apid: control planes proxy API calls to the other nodes");
        if (plan.nested()) {
            out.allow(peers.hosts(Endpoint.Side.BRIDGE), all, Protocol.TCP, Ports.TALOS_APID,
                    "apid: talosctl from the Proxmox hosts (Talos has no SSH)");
        }
        out.allow(all, controlPlanes, Protocol.TCP, Ports.TALOS_TRUSTD, "trustd: nodes obtain their certificates");

        out.allow(peers.admins(), controlPlanes, Protocol.TCP, apiServer, "kube-apiserver: kubectl from the admins");
        out.allow(all, controlPlanes, Protocol.TCP, apiServer, "kube-apiserver: kubelets and node agents");
        peers.vip().ifPresent(vip -> out.allow(vip, controlPlanes, Protocol.TCP, apiServer,
                "kube-apiserver: traffic sourced from the control-plane VIP"));
        peers.apiLoadBalancer().ifPresent(lb -> {
            out.allow(lb, controlPlanes, Protocol.TCP, apiServer,
                    "kube-apiserver: connections and health checks forwarded by the API load balancer");
            out.allow(lb, controlPlanes, Protocol.TCP, Ports.TALOS_APID,
                    "apid: talosctl connections and health checks forwarded by the API load balancer");
        });
        out.allow(peers.podNetwork(), controlPlanes, Protocol.TCP, apiServer,
                "kube-apiserver: pods through the kubernetes Service");
        out.allow(controlPlanes, controlPlanes, Protocol.TCP, PortRange.range(Ports.ETCD_CLIENT, Ports.ETCD_PEER),
                "etcd: client and peer traffic between control planes");

        out.allow(all, all, Protocol.TCP, Ports.KUBELET, "kubelet: kube-apiserver and node agents");
        out.allow(peers.podNetwork(), all, Protocol.TCP, Ports.KUBELET, "kubelet: metrics-server and monitoring agents in pods");

        out.allow(all, all, Protocol.UDP, Ports.CILIUM_VXLAN, "Cilium VXLAN tunnel between nodes");
        out.allow(all, all, Protocol.TCP, Ports.CILIUM_HEALTH, "cilium-health probes between nodes");
        if (plan.spec().addons().cilium().hubble().enabled()) {
            out.allow(all, all, Protocol.TCP, Ports.HUBBLE_SERVER, "Hubble server: peers on other nodes");
            out.allow(peers.podNetwork(), all, Protocol.TCP, Ports.HUBBLE_SERVER, "Hubble server: hubble-relay runs in a pod");
        }
        var alloy = plan.spec().addons().monitoring().alloy();
        if (alloy != null && alloy.enabled()) {
            // Cilium's agent, operator and Envoy serve metrics on the host network, where Alloy (a pod) scrapes them
            PortRange metrics = PortRange.range(Ports.CILIUM_METRICS_FIRST, Ports.CILIUM_METRICS_LAST);
            out.allow(peers.podNetwork(), all, Protocol.TCP, metrics, "Cilium and Hubble metrics: scraped by Grafana Alloy in a pod");
            // in tunnel mode Cilium masquerades pod traffic to other nodes to the node's address (cilium/cilium#12624)
            out.allow(all, all, Protocol.TCP, metrics, "Cilium and Hubble metrics: Alloy's scrape of another node arrives from its node's address");
        }

        peers.ociLoadBalancers().ifPresent(lbs -> {
            Endpoint backends = peers.loadBalancerBackends();
            out.allow(lbs, backends, Protocol.TCP, PortRange.range(Ports.NODE_PORT_FIRST, Ports.NODE_PORT_LAST),
                    "public services: the OCI load balancers forward to their NodePorts");
            out.allow(lbs, backends, Protocol.TCP, Ports.KUBE_PROXY_HEALTHZ,
                    "public services: the OCI load balancers' health checks (kube-proxy health port, served by Cilium)");
        });

        List<NodeIngress> extra = plan.spec().firewall().nodeIngress();
        for (int i = 0; i < extra.size(); i++) {
            NodeIngress rule = extra.get(i);
            if (rule.port() == Ports.SSH) {
                continue; // nothing listens on 22 on Talos; validation warns about it
            }
            String reason = rule.reason() != null && !rule.reason().isBlank() ? rule.reason() : "firewall.nodeIngress[" + i + "]";
            for (var cidr : rule.from()) {
                out.allow(new Endpoint.CidrBlock(cidr), all, Protocol.of(rule.protocol()), rule.port(), reason);
            }
        }
        return out.flows();
    }
}
