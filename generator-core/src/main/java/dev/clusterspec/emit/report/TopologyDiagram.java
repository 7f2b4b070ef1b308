package dev.clusterspec.emit.report;

import dev.clusterspec.plan.ApiLoadBalancer;
import dev.clusterspec.plan.ClusterPlan;
import dev.clusterspec.plan.PublicExposure;
import dev.clusterspec.spec.Bastion;
import dev.clusterspec.spec.Cidr;
import dev.clusterspec.spec.ClusterSpec;
import dev.clusterspec.spec.Node;
import dev.clusterspec.spec.Oci.ReservedIp;
import dev.clusterspec.spec.Proxmox;
import dev.clusterspec.spec.Proxmox.Host;
import dev.clusterspec.spec.ServiceSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The topology as SVG, laid out from the spec in integer coordinates: the internet and the tailnet on
 * top, the reserved IPs below, then the OCI region with the bastion and the Proxmox hosts, the VM
 * bridge and the Talos VMs of each host, and the services outside the public path at the bottom.
 * Text widths come from a fixed monospace advance, so the layout needs no font metrics and the same
 * spec always gives the same bytes.
 */
final class TopologyDiagram {

    private static final int MARGIN = 24;
    private static final int GAP = 28;
    private static final int LANE = 56;
    private static final int PAD = 8;
    private static final int LINE = 16;
    private static final int FRAME_PAD = 16;
    private static final int BUS_INDENT = 20;
    private static final int MIN_COLUMN = 170;
    private static final int BAR_HEIGHT = 28;
    /** Advance of one character in tenths of a pixel: DejaVu Sans Mono at 12px is 7.22px. */
    private static final int CHAR_TENTHS = 73;
    private static final int SMALL_CHAR_TENTHS = 67;

    private static final String STYLE = """
            svg.topology text{font-family:"DejaVu Sans Mono",Menlo,Consolas,monospace;font-size:12px;fill:#0f172a}
            svg.topology .t-title{font-family:"DejaVu Sans",Arial,sans-serif;font-size:18px;font-weight:bold}
            svg.topology .t-sub{font-family:"DejaVu Sans",Arial,sans-serif;font-size:12px;fill:#475569}
            svg.topology .t-strong{font-weight:bold}
            svg.topology .t-small{font-size:11px;fill:#334155}
            svg.topology .t-on-bar{fill:#ffffff;font-weight:bold}
            svg.topology rect{stroke-width:1.5}
            .t-internet{fill:#f1f5f9;stroke:#64748b}
            .t-reserved{fill:#fff7ed;stroke:#ea580c}
            .t-bastion{fill:#f8fafc;stroke:#475569}
            .t-host{fill:#e0f2fe;stroke:#0369a1}
            .t-bar{fill:#0f766e;stroke:#0f766e}
            .t-controlplane{fill:#dcfce7;stroke:#15803d}
            .t-worker{fill:#e0e7ff;stroke:#4338ca}
            .t-vip{fill:#ccfbf1;stroke:#0f766e}
            .t-public{fill:#ffedd5;stroke:#c2410c}
            .t-tailnet{fill:#fae8ff;stroke:#a21caf}
            .t-cluster{fill:#f8fafc;stroke:#64748b}
            .t-region{fill:#fcfcfd;stroke:#94a3b8;stroke-dasharray:6 4}
            .t-panel{fill:none;stroke:#cbd5e1;stroke-dasharray:3 3}
            .t-label{fill:#ffffff;stroke:none;opacity:0.92}
            .t-edge{fill:none;stroke:#475569;stroke-width:1.5}
            .t-edge-public{fill:none;stroke:#ea580c;stroke-width:2.5}
            .t-edge-tailnet{fill:none;stroke:#a21caf;stroke-width:1.5;stroke-dasharray:5 4}
            """;

    /** A box with lines of text, the first one bold. */
    private record Box(int x, int y, int w, int h, List<String> lines, String cssClass) {
        int cx() {
            return x + w / 2;
        }

        int cy() {
            return y + h / 2;
        }

        int right() {
            return x + w;
        }

        int bottom() {
            return y + h;
        }

        Box at(int nx, int ny) {
            return new Box(nx, ny, w, h, lines, cssClass);
        }

        Box widen(int nw) {
            return new Box(x, y, nw, h, lines, cssClass);
        }
    }

    /** A column of the region: a box on top (bastion, host, or node) and the boxes hanging off the bridge. */
    private record Column(Box head, List<Box> hanging, int width) {}

    private final ClusterPlan plan;
    private final ClusterSpec spec;
    private final Svg svg = new Svg();
    /** The mesh gateway container's box, where the tailnet enters the bridge (nested topology with a gateway). */
    private Box meshGateway;

    private TopologyDiagram(ClusterPlan plan) {
        this.plan = plan;
        this.spec = plan.spec();
    }

    static String render(ClusterPlan plan) {
        return new TopologyDiagram(plan).draw();
    }

    private String draw() {
        // --- sizes -------------------------------------------------------------------------------
        Box internetSize = box("t-internet", "Internet", "0.0.0.0/0");
        Optional<Box> tailnet = tailnetBox();
        List<Box> reserved = new ArrayList<>();
        for (ReservedIp r : spec.oci().reservedIps()) {
            reserved.add(box("t-reserved", "reserved IP " + r.name(), r.address().toString(), reservedUse(r)));
        }
        Column edge = edgeColumn();
        List<Column> columns = plan.nested() ? hostColumns() : nodeColumns();
        List<Box> services = bottomServices();

        int regionInner = edge.width() + columns.stream().mapToInt(c -> GAP + c.width()).sum();
        int regionWidth = regionInner + 2 * FRAME_PAD;
        int columnsX = MARGIN + FRAME_PAD + edge.width() + GAP;
        int edgeRowWidth = columnsX - MARGIN + reserved.stream().mapToInt(b -> b.w() + GAP).sum();
        int topRowWidth = internetSize.w() + GAP + tailnet.map(Box::w).orElse(0);
        String regionTitle = "OCI " + spec.oci().region() + " (" + spec.oci().tier().id() + ") · VCN " + spec.oci().vcn().cidr()
                + " · subnet " + spec.oci().vcn().subnet();
        String barText = plan.nested() ? barText() : "";
        int contentWidth = max(regionWidth, edgeRowWidth, topRowWidth, textWidth(regionTitle) + 2 * FRAME_PAD,
                textWidth(barText) + 2 * FRAME_PAD + 20, legendWidth(), services.stream().mapToInt(Box::w).max().orElse(0) + 2 * FRAME_PAD);
        int width = 2 * MARGIN + LANE + contentWidth;
        int regionRight = MARGIN + contentWidth;
        int laneX = regionRight + LANE / 2;

        // --- positions ---------------------------------------------------------------------------
        int topY = 70;
        int edgeColumnX = MARGIN + FRAME_PAD;
        Box internet = internetSize.at(edgeColumnX, topY);
        Optional<Box> tail = tailnet.map(b -> b.at(regionRight - b.w(), topY));
        int topBottom = Math.max(internet.bottom(), tail.map(Box::bottom).orElse(0));
        int edgeY = topBottom + 56;
        List<Box> placedReserved = new ArrayList<>();
        int x = columnsX;
        for (Box r : reserved) {
            placedReserved.add(r.at(x, edgeY));
            x += r.w() + GAP;
        }
        int edgeBottom = placedReserved.stream().mapToInt(Box::bottom).max().orElse(topBottom);
        int regionY = edgeBottom + 64;
        int headY = regionY + 24;

        Optional<Box> bastion = edge.head() == null ? Optional.empty() : Optional.of(edge.head().at(edgeColumnX, headY));
        int headHeight = columns.stream().mapToInt(c -> c.head().h()).max().orElse(0);
        List<Box> heads = new ArrayList<>();
        x = columnsX;
        for (Column c : columns) {
            Box head = c.head();
            heads.add(new Box(x, headY, c.width(), headHeight, head.lines(), head.cssClass()));
            x += c.width() + GAP;
        }
        int headBottom = max(headY, bastion.map(Box::bottom).orElse(headY), heads.stream().mapToInt(Box::bottom).max().orElse(headY));
        int barY = headBottom + 52;
        int hangY = plan.nested() ? barY + BAR_HEIGHT + 28 : headBottom + 28;
        List<Box> edgeHanging = stack(edge.hanging(), edgeColumnX + BUS_INDENT, hangY, edge.width() - BUS_INDENT);
        List<List<Box>> hanging = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            hanging.add(stack(columns.get(i).hanging(), heads.get(i).x() + BUS_INDENT, hangY, columns.get(i).width() - BUS_INDENT));
        }
        int regionBottom = max(headBottom, lastBottom(edgeHanging), hanging.stream().mapToInt(TopologyDiagram::lastBottom).max().orElse(0)) + 48;

        int panelY = regionBottom + 40;
        List<List<Box>> serviceRows = wrap(services, MARGIN + FRAME_PAD, panelY + 48, contentWidth - 2 * FRAME_PAD);
        int panelBottom = serviceRows.isEmpty() ? regionBottom
                : serviceRows.get(serviceRows.size() - 1).stream().mapToInt(Box::bottom).max().orElse(panelY) + 20;
        int legendY = panelBottom + 36;
        int height = legendY + 36;

        // --- drawing -----------------------------------------------------------------------------
        svg.raw("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"topology\" width=\"" + width + "\" height=\"" + height
                + "\" viewBox=\"0 0 " + width + " " + height + "\" role=\"img\" aria-labelledby=\"topology-title\">\n");
        svg.raw("<title id=\"topology-title\">" + Svg.escape("Topology of cluster " + plan.name()) + "</title>\n");
        svg.raw("<style>\n" + style() + "</style>\n");
        svg.raw("<defs>\n");
        marker("t-arrow", "#475569");
        marker("t-arrow-public", "#ea580c");
        if (plan.tailnet()) {
            marker("t-arrow-tailnet", "#a21caf");
        }
        svg.raw("</defs>\n");
        svg.rect(0, 0, width, height, 0, "t-label");
        svg.text(MARGIN, 32, "start", "t-title", plan.name() + " topology");
        svg.text(MARGIN, 52, "start", "t-sub", subtitle());

        svg.rect(MARGIN, regionY, contentWidth, regionBottom - regionY, 10, "t-region");
        // the region's name sits at its bottom, where no edge crosses it
        svg.text(MARGIN + FRAME_PAD, regionBottom - 16, "start", "t-strong", regionTitle);

        draw(internet);
        tail.ifPresent(this::draw);
        placedReserved.forEach(this::draw);
        bastion.ifPresent(this::draw);
        heads.forEach(this::draw);
        edgeHanging.forEach(this::draw);
        hanging.forEach(list -> list.forEach(this::draw));

        // internet -> reserved IPs -> ingress hosts (the public path) and the bastion
        int fanY = topBottom + 28;
        for (int i = 0; i < placedReserved.size(); i++) {
            Box r = placedReserved.get(i);
            ReservedIp ip = spec.oci().reservedIps().get(i);
            boolean publicPath = plan.publicExposures().stream().anyMatch(e -> e.reservedIpName().equals(ip.name()));
            edge(publicPath ? "public" : "", internet.cx(), internet.bottom(), internet.cx(), fanY, r.cx(), fanY, r.cx(), r.y());
            int downY = edgeBottom + 22 + 10 * i;
            Optional<Integer> target = ingressHostIndex(ip.name());
            if (target.isPresent()) {
                Box host = heads.get(target.get());
                Host h = spec.proxmox().hosts().get(target.get());
                edge("public", r.cx(), r.bottom(), r.cx(), downY, host.cx(), downY, host.cx(), host.y());
                label(host.cx() + 6, downY + 24, "1:1 NAT to " + h.secondaryPrivateIp());
            } else if (bastion.isPresent() && ip.name().equals(spec.bastion().reservedIp())) {
                edge("", r.cx(), r.bottom(), r.cx(), downY, bastion.get().cx(), downY, bastion.get().cx(), bastion.get().y());
            } else if (!plan.nested() && publicPath && !heads.isEmpty()) {
                // to the first node the load balancer forwards to: control planes are excluded when workers exist
                Box backend = heads.get(plan.nodes().indexOf(plan.loadBalancerBackends().get(0)));
                edge("public", r.cx(), r.bottom(), r.cx(), downY, backend.cx(), downY, backend.cx(), backend.y());
                // left of the line: the tailnet lane's label sits at the region's right edge
                String text = "OCI load balancer (CCM) → NodePorts";
                label(backend.cx() - 6 - smallWidth(text), downY + 24, text);
            }
        }
        bastion.ifPresent(b -> {
            if (spec.bastion().reservedIpName().isEmpty()) {
                int bx = b.x() + 24;
                edge("", bx, internet.bottom(), bx, b.y());
                label(bx + 6, regionY - 12, "SSH (ephemeral IP)");
            }
            if (plan.nested() && !heads.isEmpty()) {
                int y = b.y() + 24;
                edge("", b.right(), y, heads.get(0).x(), y);
                label(b.right() + 4, y - 6, "SSH 22");
            }
            // direct: admins working on the bastion reach the cluster through the API load balancer's private IP
            if (!plan.nested() && plan.adminsInsideVcn() && !edgeHanging.isEmpty()) {
                Box lb = edgeHanging.get(0);
                int lbX = lb.x() + 12;
                edge("", lbX, b.bottom(), lbX, lb.y());
                label(lbX + 6, lb.y() - 10, "talosctl, kubectl");
            }
        });

        if (plan.nested()) {
            drawBridge(edgeColumnX, barY, regionRight - FRAME_PAD - edgeColumnX, barText, heads, edgeHanging, hanging);
        }

        // the tailnet reaches the mesh gateway and the proxies of tailnet services over the lane on the right
        tail.ifPresent(t -> {
            int entryY = regionY + 28;
            edge("tailnet", t.right(), t.cy(), laneX, t.cy(), laneX, entryY, regionRight, entryY);
            label(laneX - 6 - smallWidth("WireGuard / DERP"), regionY - 8, "WireGuard / DERP");
            placed(hanging, meshGateway).ifPresent(g -> {
                // below every hanging box, so the line crosses none
                int underY = hanging.stream().mapToInt(TopologyDiagram::lastBottom).max().orElse(g.bottom()) + 14;
                edge("tailnet", laneX, entryY, laneX, underY, g.cx(), underY, g.cx(), g.bottom());
            });
            drawTailnetFeeders(serviceRows, laneX, entryY);
        });

        if (!serviceRows.isEmpty()) {
            svg.rect(MARGIN, panelY, contentWidth, panelBottom - panelY, 8, "t-panel");
            svg.text(MARGIN + FRAME_PAD, panelY + 22, "start", "t-strong", "Services off the public path");
            serviceRows.forEach(row -> row.forEach(this::draw));
        }
        legend(MARGIN, legendY);
        svg.raw("</svg>\n");
        return svg.toString();
    }

    /** Where {@code box} was placed in the columns' hanging boxes (layout copies boxes with positions). */
    private static Optional<Box> placed(List<List<Box>> hanging, Box box) {
        if (box == null) {
            return Optional.empty();
        }
        return hanging.stream().flatMap(List::stream).filter(b -> b.lines().equals(box.lines()) && b.cssClass().equals(box.cssClass())).findFirst();
    }

    private String subtitle() {
        var v = spec.versions();
        return (plan.nested() ? "Talos VMs on Proxmox hosts on OCI" : "Talos on OCI instances") + " · Talos " + v.talos()
                + " · Kubernetes " + v.kubernetes() + " · Cilium " + v.cilium() + " · API " + plan.endpointUrl()
                + (plan.adminApiUrl().equals(plan.endpointUrl()) ? "" : " (admins: " + plan.adminApiUrl() + ")");
    }

    /** The tailnet exists only with the Tailscale operator or a mesh gateway: without them nothing of the cluster's is on one. */
    private Optional<Box> tailnetBox() {
        if (!plan.tailnet()) {
            return Optional.empty();
        }
        List<String> lines = new ArrayList<>();
        lines.add("Tailnet " + spec.network().tailnet());
        if (plan.nested()) {
            // direct: nothing routes the tailnet to the nodes, admins come by the bastion or the API load balancer
            lines.add("admins " + plan.admins().stream().map(Cidr::toString).collect(Collectors.joining(", ")));
        }
        if (plan.tailscale()) {
            lines.add("operator " + RunbookModel.operatorHostname(plan));
        }
        return Optional.of(box("t-tailnet", lines));
    }

    private String reservedUse(ReservedIp r) {
        Optional<PublicExposure> exposure = plan.publicExposures().stream().filter(e -> e.reservedIpName().equals(r.name())).findFirst();
        if (exposure.isPresent()) {
            Host host = exposure.get().ingressHost();
            return host != null && host.secondaryPrivateIp() != null ? "→ " + host.name() + " " + host.secondaryPrivateIp()
                    : plan.nested() ? "→ no host receives it" : "→ OCI load balancer";
        }
        if (spec.bastion() != null && r.name().equals(spec.bastion().reservedIp())) {
            return "→ bastion";
        }
        if (plan.apiLoadBalancer().flatMap(lb -> lb.reservedIp()).filter(r::equals).isPresent()) {
            return "→ API load balancer";
        }
        return "unused";
    }

    private Column edgeColumn() {
        Box head = null;
        if (spec.bastion() != null) {
            Bastion b = spec.bastion();
            head = box("t-bastion", "bastion", b.privateIp().toString(),
                    "public: " + b.reservedIpName().map(n -> "reserved " + n).orElse("ephemeral"));
        }
        List<Box> hanging = new ArrayList<>();
        if (plan.vip() != null) {
            hanging.add(box("t-vip", "VIP " + plan.vip(), "kube-apiserver :" + spec.controlPlane().port()));
        }
        plan.apiLoadBalancer().ifPresent(lb -> hanging.add(box("t-vip", "API load balancer " + lb.privateIp(),
                ":" + lb.apiPort() + " kube-apiserver, :" + ApiLoadBalancer.TALOS_PORT + " apid", "→ control planes",
                "public: " + lb.publicHost().orElse("ephemeral"))));
        for (PublicExposure e : plan.publicExposures()) {
            ServiceSpec s = e.service();
            String ports = s.ports().stream().map(p -> Integer.toString(p.port())).collect(Collectors.joining(","));
            if (plan.nested()) {
                hanging.add(box("t-public", "LoadBalancer " + (e.loadBalancerIp() != null ? e.loadBalancerIp() : "none"),
                        s.namespace() + "/" + s.name() + " :" + ports, "pods " + ExposureSection.selector(s.selector())));
            }
        }
        int width = MIN_COLUMN;
        if (head != null) {
            width = Math.max(width, head.w());
        }
        for (Box b : hanging) {
            width = Math.max(width, b.w() + BUS_INDENT);
        }
        return new Column(head, hanging, width);
    }

    private List<Column> hostColumns() {
        Proxmox proxmox = spec.proxmox();
        List<Column> columns = new ArrayList<>();
        for (Host host : proxmox.hosts()) {
            List<String> lines = new ArrayList<>();
            lines.add("Proxmox " + host.name());
            lines.add(host.privateIp() + " (VCN)");
            host.secondaryPrivateIpIfAny().ifPresent(ip -> lines.add("+ " + ip + host.ingressReservedIp().map(n -> " ← " + n).orElse("")));
            lines.add(host.bridgeIp() + (host.bridgeIp().equals(proxmox.bridge().gateway()) ? " gateway" : ""));
            Box head = box("t-host", lines);
            List<Box> vms = new ArrayList<>();
            for (Node node : plan.nodes()) {
                if (host.name().equals(node.host())) {
                    vms.add(nodeBox(node));
                }
            }
            plan.meshGateway().filter(g -> g.host().equals(host.name())).ifPresent(g -> {
                meshGateway = box("t-tailnet", "mesh gateway " + g.hostname(), g.ip() + " · CT " + g.ctid(), "subnet router, no SNAT");
                vms.add(meshGateway);
            });
            int width = Math.max(MIN_COLUMN, head.w());
            for (Box vm : vms) {
                width = Math.max(width, vm.w() + BUS_INDENT);
            }
            columns.add(new Column(head, vms, width));
        }
        return columns;
    }

    private List<Column> nodeColumns() {
        List<Column> columns = new ArrayList<>();
        for (Node node : plan.nodes()) {
            Box head = nodeBox(node);
            columns.add(new Column(head, List.of(), Math.max(MIN_COLUMN, head.w())));
        }
        return columns;
    }

    private Box nodeBox(Node node) {
        String role = node.isControlPlane() ? "control plane" : "worker";
        return box(node.isControlPlane() ? "t-controlplane" : "t-worker", node.name() + "  " + role,
                node.ip() + (node.vmid() != null ? " · VM " + node.vmid() : ""));
    }

    /** Tailnet and cluster services (public ones hang off the bridge, on their path). */
    private List<Box> bottomServices() {
        List<Box> boxes = new ArrayList<>();
        for (ServiceSpec s : spec.services()) {
            String ports = s.ports().stream().map(p -> p.port() + "/" + p.protocol().name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(","));
            String name = s.namespace() + "/" + s.name();
            switch (s.exposure()) {
                case TAILNET -> boxes.add(box("t-tailnet", name, "tailnet " + ports,
                        ExposureSection.tailscaleOn(plan) ? "MagicDNS " + s.tailnetHostname() : "operator off: unreachable"));
                case CLUSTER -> boxes.add(box("t-cluster", name, "cluster " + ports, "from " + allowFrom(s)));
                case PUBLIC -> {
                    if (!plan.nested()) {
                        boxes.add(box("t-public", name, "public " + ports,
                                plan.publicExposure(s).map(e -> "on " + e.reservedIp()).orElse("no reserved IP")));
                    }
                }
            }
        }
        return boxes;
    }

    private static String allowFrom(ServiceSpec s) {
        if (s.allowFrom().isEmpty()) {
            return "its own namespace only";
        }
        return s.allowFrom().stream().map(a -> a.cidr() != null ? a.cidr().toString() : a.namespace()).distinct()
                .collect(Collectors.joining(", "));
    }

    private Optional<Integer> ingressHostIndex(String reservedName) {
        if (!plan.nested()) {
            return Optional.empty();
        }
        List<Host> hosts = spec.proxmox().hosts();
        for (int i = 0; i < hosts.size(); i++) {
            if (reservedName.equals(hosts.get(i).ingressFor()) && hosts.get(i).secondaryPrivateIp() != null
                    && plan.publicExposures().stream().anyMatch(e -> e.reservedIpName().equals(reservedName))) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    private String barText() {
        Proxmox.Bridge bridge = spec.proxmox().bridge();
        String pools = spec.network().loadBalancerPools().stream().map(p -> p.cidr().toString()).collect(Collectors.joining(", "));
        return bridge.name() + " " + bridge.cidr() + " · gateway " + bridge.gateway() + (pools.isEmpty() ? "" : " · LB pools " + pools);
    }

    private void drawBridge(int x, int y, int w, String text, List<Box> heads, List<Box> edgeHanging, List<List<Box>> hanging) {
        Proxmox proxmox = spec.proxmox();
        List<Host> hosts = proxmox.hosts();
        for (int i = 0; i < heads.size(); i++) {
            Box head = heads.get(i);
            Host host = hosts.get(i);
            List<PublicExposure> dnat = plan.publicExposures().stream()
                    .filter(e -> e.ingressHost() != null && e.ingressHost().name().equals(host.name()) && e.loadBalancerIp() != null).toList();
            edge(dnat.isEmpty() ? "" : "public", head.cx(), head.bottom(), head.cx(), y);
            if (!dnat.isEmpty()) {
                label(head.cx() + 6, head.bottom() + 20, "DNAT → " + dnat.stream().map(e -> e.loadBalancerIp().toString())
                        .collect(Collectors.joining(", ")));
            }
        }
        svg.rect(x, y, w, BAR_HEIGHT, 4, "t-bar");
        svg.text(x + 10, y + 19, "start", "t-on-bar", text);
        bus(edgeHanging, x + 8, y + BAR_HEIGHT);
        for (int i = 0; i < hanging.size(); i++) {
            bus(hanging.get(i), heads.get(i).x() + 8, y + BAR_HEIGHT);
        }
    }

    /** A vertical line from the bridge down the column, with a tick into each box. */
    private void bus(List<Box> boxes, int busX, int top) {
        if (boxes.isEmpty()) {
            return;
        }
        svg.path("t-edge", null, busX, top, busX, boxes.get(boxes.size() - 1).cy());
        for (Box b : boxes) {
            String kind = b.cssClass().equals("t-public") ? "public" : "";
            edge(kind, busX, b.cy(), b.x(), b.cy());
        }
    }

    private void drawTailnetFeeders(List<List<Box>> rows, int laneX, int fromY) {
        int lastY = fromY;
        for (List<Box> row : rows) {
            List<Box> tailnetBoxes = row.stream().filter(b -> b.cssClass().equals("t-tailnet")).toList();
            if (tailnetBoxes.isEmpty()) {
                continue;
            }
            int feederY = row.get(0).y() - 14;
            svg.path("t-edge-tailnet", null, laneX, lastY, laneX, feederY, tailnetBoxes.get(0).cx(), feederY);
            for (Box b : tailnetBoxes) {
                edge("tailnet", b.cx(), feederY, b.cx(), b.y());
            }
            lastY = feederY;
        }
    }

    private static final String[][] LEGEND = {
            {"t-host", "Proxmox host"}, {"t-controlplane", "control plane"}, {"t-worker", "worker"},
            {"t-vip", "VIP"}, {"t-public", "public service"}, {"t-tailnet", "tailnet"}, {"t-cluster", "cluster only"}};

    /** The style rules this drawing uses: no tailnet colours without a tailnet. */
    private String style() {
        return plan.tailnet() ? STYLE : STYLE.lines().filter(l -> !l.contains("tailnet")).map(l -> l + "\n").collect(Collectors.joining());
    }

    /**
     * The legend's entries for this drawing: no Proxmox host when direct, where the API endpoint is a
     * load balancer rather than a VIP; no tailnet without Tailscale.
     */
    private List<String[]> legendItems() {
        return java.util.Arrays.stream(LEGEND)
                .filter(item -> !(item[0].equals("t-host") && !plan.nested()))
                .filter(item -> !(item[0].equals("t-tailnet") && !plan.tailnet()))
                .map(item -> item[0].equals("t-vip") && !plan.nested() ? new String[] {item[0], "API load balancer"} : item)
                .toList();
    }

    private int legendWidth() {
        int w = 70;
        for (String[] item : legendItems()) {
            w += 22 + smallWidth(item[1]) + 18;
        }
        return w + 34 + smallWidth("public path") + (plan.tailnet() ? 18 + 34 + smallWidth("tailnet") : 0);
    }

    private void legend(int x, int y) {
        svg.text(x, y + 14, "start", "t-strong", "Legend");
        int cx = x + 70;
        for (String[] item : legendItems()) {
            svg.rect(cx, y + 2, 16, 16, 3, item[0]);
            svg.text(cx + 22, y + 15, "start", "t-small", item[1]);
            cx += 22 + smallWidth(item[1]) + 18;
        }
        svg.path("t-edge-public", null, cx, y + 10, cx + 28, y + 10);
        svg.text(cx + 34, y + 15, "start", "t-small", "public path");
        cx += 34 + smallWidth("public path") + 18;
        if (plan.tailnet()) {
            svg.path("t-edge-tailnet", null, cx, y + 10, cx + 28, y + 10);
            svg.text(cx + 34, y + 15, "start", "t-small", "tailnet");
        }
    }

    private void draw(Box b) {
        svg.rect(b.x(), b.y(), b.w(), b.h(), 6, b.cssClass());
        for (int i = 0; i < b.lines().size(); i++) {
            svg.text(b.x() + PAD, b.y() + PAD + LINE * (i + 1) - 4, "start", i == 0 ? "t-strong" : "", b.lines().get(i));
        }
    }

    private void edge(String kind, int... points) {
        String css = kind.isEmpty() ? "t-edge" : "t-edge-" + kind;
        String marker = kind.isEmpty() ? "t-arrow" : "t-arrow-" + kind;
        svg.path(css, marker, points);
    }

    /** Text on a white ground, so that it stays readable over lines. */
    private void label(int x, int y, String text) {
        int w = smallWidth(text);
        svg.rect(x - 2, y - 12, w + 4, 16, 2, "t-label");
        svg.text(x, y, "start", "t-small", text);
    }

    private void marker(String id, String color) {
        svg.raw("<marker id=\"" + id + "\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerUnits=\"userSpaceOnUse\" markerWidth=\"10\" markerHeight=\"10\" orient=\"auto\">"
                + "<path d=\"M0 0 L10 5 L0 10 z\" fill=\"" + color + "\"/></marker>\n");
    }

    /** Boxes one below the other, all as wide as the column allows. */
    private static List<Box> stack(List<Box> boxes, int x, int y, int width) {
        List<Box> placed = new ArrayList<>();
        int top = y;
        for (Box b : boxes) {
            placed.add(b.at(x, top).widen(width));
            top += b.h() + 12;
        }
        return placed;
    }

    private static List<List<Box>> wrap(List<Box> boxes, int x, int y, int width) {
        List<List<Box>> rows = new ArrayList<>();
        List<Box> row = new ArrayList<>();
        int cx = x;
        int top = y;
        int rowHeight = 0;
        for (Box b : boxes) {
            if (!row.isEmpty() && cx + b.w() > x + width) {
                rows.add(row);
                row = new ArrayList<>();
                top += rowHeight + 40;
                cx = x;
                rowHeight = 0;
            }
            row.add(b.at(cx, top));
            cx += b.w() + GAP;
            rowHeight = Math.max(rowHeight, b.h());
        }
        if (!row.isEmpty()) {
            rows.add(row);
        }
        return rows;
    }

    private static int lastBottom(List<Box> boxes) {
        return boxes.isEmpty() ? 0 : boxes.get(boxes.size() - 1).bottom();
    }

    private static Box box(String cssClass, String... lines) {
        return box(cssClass, List.of(lines));
    }

    private static Box box(String cssClass, List<String> lines) {
        int w = lines.stream().mapToInt(TopologyDiagram::textWidth).max().orElse(0) + 2 * PAD;
        return new Box(0, 0, w, 2 * PAD + LINE * lines.size(), List.copyOf(lines), cssClass);
    }

    static int textWidth(String text) {
        return (text.codePointCount(0, text.length()) * CHAR_TENTHS + 9) / 10;
    }

    private static int smallWidth(String text) {
        return (text.codePointCount(0, text.length()) * SMALL_CHAR_TENTHS + 9) / 10;
    }

    private static int max(int... values) {
        int m = Integer.MIN_VALUE;
        for (int v : values) {
            m = Math.max(m, v);
        }
        return m;
    }
}
