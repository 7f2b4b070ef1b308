package dev.clusterspec.plan.firewall;

import java.util.ArrayList;
import java.util.List;

/** Collects the flows of one layer in derivation order (which is the order emitters render them). */
final class FlowList {

    private final Layer layer;
    private final List<Flow> flows = new ArrayList<>();

    FlowList(Layer layer) {
        this.layer = layer;
    }

    FlowList allow(Endpoint source, Endpoint destination, Protocol protocol, PortRange ports, String reason) {
        flows.add(new Flow(source, destination, protocol, ports, layer, reason));
        return this;
    }

    FlowList allow(Endpoint source, Endpoint destination, Protocol protocol, int port, String reason) {
        return allow(source, destination, protocol, PortRange.of(port), reason);
    }

    /** The same need at another layer (Talos and the Proxmox VM firewall enforce one port table). */
    FlowList copy(Flow flow) {
        return allow(flow.source(), flow.destination(), flow.protocol(), flow.ports(), flow.reason());
    }

    List<Flow> flows() {
        return List.copyOf(flows);
    }
}
