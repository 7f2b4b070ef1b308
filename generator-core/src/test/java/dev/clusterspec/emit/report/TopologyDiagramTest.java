package dev.clusterspec.emit.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterspec.plan.ClusterPlan;
import dev.clusterspec.plan.PublicExposure;
import dev.clusterspec.spec.Node;
import dev.clusterspec.spec.Proxmox.Host;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class TopologyDiagramTest {

    private static final Set<String> BOXES = Set.of("t-internet", "t-reserved", "t-bastion", "t-host", "t-controlplane",
            "t-worker", "t-vip", "t-public", "t-tailnet", "t-cluster");

    private record Rect(int x, int y, int w, int h, String cssClass) {
        boolean overlaps(Rect o) {
            return x < o.x + o.w && o.x < x + w && y < o.y + o.h && o.y < y + h;
        }

        boolean contains(int px, int py) {
            return px >= x && px <= x + w && py >= y && py <= y + h;
        }
    }

    @Test
    void exampleDiagramShowsEveryPartOfTheSpec() {
        ClusterPlan plan = ReportFixtures.plan("oci-free-tier");
        String svg = TopologyDiagram.render(plan);
        List<String> texts = texts(svg);
        assertThat(texts).contains("Internet", "bastion", plan.name() + " topology");
        for (Host host : plan.spec().proxmox().hosts()) {
            assertThat(texts).contains("Proxmox " + host.name(), host.privateIp() + " (VCN)");
        }
        for (Node node : plan.nodes()) {
            assertThat(texts).contains(node.name() + "  " + (node.isControlPlane() ? "control plane" : "worker"),
                    node.ip() + " · VM " + node.vmid());
        }
        for (PublicExposure e : plan.publicExposures()) {
            assertThat(texts).contains("reserved IP " + e.reservedIpName(), e.reservedIp().toString(), "LoadBalancer " + e.loadBalancerIp(),
                    "DNAT → " + e.loadBalancerIp(), "1:1 NAT to " + e.ingressHost().secondaryPrivateIp());
        }
        assertThat(texts).contains("VIP " + plan.vip(), "Tailnet " + plan.spec().network().tailnet(), "api/internal-api", "db/database");
        assertThat(texts).anyMatch(t -> t.startsWith(plan.spec().proxmox().bridge().name() + " " + plan.spec().proxmox().bridge().cidr()));
        assertLayout(svg);
    }

    @Test
    void withoutTailscaleTheDiagramHasNoTailnet() {
        String svg = TopologyDiagram.render(ReportFixtures.plan("minimal"));
        assertThat(texts(svg)).noneMatch(t -> t.toLowerCase(java.util.Locale.ROOT).contains("tailnet"));
        assertThat(svg).doesNotContain("t-tailnet").doesNotContain("t-edge-tailnet");
        assertLayout(svg);
    }

    @Test
    void vmsHangUnderTheirHost() {
        ClusterPlan plan = ReportFixtures.plan("oci-free-tier");
        Document doc = parse(TopologyDiagram.render(plan));
        List<Rect> rects = rects(doc);
        for (Node node : plan.nodes()) {
            Rect vm = boxWithText(doc, rects, node.name() + "  ");
            Rect host = boxWithText(doc, rects, "Proxmox " + node.host());
            assertThat(vm.y).isGreaterThan(host.y + host.h);
            assertThat(vm.x).as(node.name() + " in the column of " + node.host()).isBetween(host.x, host.x + host.w);
        }
    }

    @Test
    void renderingIsDeterministicAndUsesIntegersOnly() {
        String first = TopologyDiagram.render(ReportFixtures.plan("oci-free-tier"));
        String second = TopologyDiagram.render(ReportFixtures.plan("oci-free-tier"));
        assertThat(second).isEqualTo(first);
        assertThat(first).doesNotContainPattern("(?:x|y|width|height)=\"-?\\d+\\.\\d");
        assertThat(first).doesNotContain("<?xml");
    }

    @Test
    void minimalClusterHasNoPublicPath() {
        String svg = TopologyDiagram.render(ReportFixtures.plan("minimal"));
        assertThat(svg).doesNotContain("t-reserved\"").doesNotContain("marker-end=\"url(#t-arrow-public)\"");
        assertLayout(svg);
    }

    /** The diagram parses as XML, its boxes stay inside it without overlapping, and each text fits its box. */
    static void assertLayout(String svg) {
        Document doc = parse(svg);
        Element root = doc.getDocumentElement();
        int width = Integer.parseInt(root.getAttribute("width"));
        int height = Integer.parseInt(root.getAttribute("height"));
        assertThat(root.getAttribute("viewBox")).isEqualTo("0 0 " + width + " " + height);
        List<Rect> boxes = rects(doc).stream().filter(r -> BOXES.contains(r.cssClass)).toList();
        assertThat(boxes).isNotEmpty();
        for (int i = 0; i < boxes.size(); i++) {
            Rect a = boxes.get(i);
            assertThat(a.x >= 0 && a.y >= 0 && a.x + a.w <= width && a.y + a.h <= height).as("inside the drawing: " + a).isTrue();
            for (int j = i + 1; j < boxes.size(); j++) {
                assertThat(a.overlaps(boxes.get(j))).as(a + " overlaps " + boxes.get(j)).isFalse();
            }
        }
        NodeList texts = doc.getElementsByTagName("text");
        for (int i = 0; i < texts.getLength(); i++) {
            Element t = (Element) texts.item(i);
            int x = Integer.parseInt(t.getAttribute("x"));
            int y = Integer.parseInt(t.getAttribute("y"));
            int advance = t.getAttribute("class").contains("t-small") ? 67 : 73;
            int textWidth = (t.getTextContent().codePointCount(0, t.getTextContent().length()) * advance + 9) / 10;
            if (t.getAttribute("class").equals("t-title") || t.getAttribute("class").equals("t-sub")) {
                continue; // proportional fonts, left-aligned on an empty band
            }
            assertThat(x + textWidth).as("text fits the drawing: " + t.getTextContent()).isLessThanOrEqualTo(width);
            for (Rect box : boxes) {
                if (box.contains(x, y)) {
                    assertThat(x + textWidth).as("text fits its box: " + t.getTextContent()).isLessThanOrEqualTo(box.x + box.w);
                }
            }
        }
        NodeList paths = doc.getElementsByTagName("path");
        for (int i = 0; i < paths.getLength(); i++) {
            String marker = ((Element) paths.item(i)).getAttribute("marker-end");
            if (!marker.isEmpty()) {
                String id = marker.substring("url(#".length(), marker.length() - 1);
                assertThat(doc.getElementById(id) != null || svg.contains("<marker id=\"" + id + "\"")).as(marker).isTrue();
            }
        }
    }

    static List<String> texts(String svg) {
        NodeList nodes = parse(svg).getElementsByTagName("text");
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }

    private static Rect boxWithText(Document doc, List<Rect> rects, String prefix) {
        NodeList texts = doc.getElementsByTagName("text");
        for (int i = 0; i < texts.getLength(); i++) {
            Element t = (Element) texts.item(i);
            if (t.getTextContent().startsWith(prefix)) {
                int x = Integer.parseInt(t.getAttribute("x"));
                int y = Integer.parseInt(t.getAttribute("y"));
                return rects.stream().filter(r -> BOXES.contains(r.cssClass) && r.contains(x, y)).findFirst().orElseThrow();
            }
        }
        throw new AssertionError("no text starting with " + prefix);
    }

    private static List<Rect> rects(Document doc) {
        NodeList nodes = doc.getElementsByTagName("rect");
        List<Rect> rects = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element r = (Element) nodes.item(i);
            rects.add(new Rect(Integer.parseInt(r.getAttribute("x")), Integer.parseInt(r.getAttribute("y")),
                    Integer.parseInt(r.getAttribute("width")), Integer.parseInt(r.getAttribute("height")), r.getAttribute("class")));
        }
        return rects;
    }

    static Document parse(String svg) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("the SVG is not well-formed XML: " + e.getMessage(), e);
        }
    }
}
