package dev.clusterspec.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The generated plugin.xml: what Maven users meet (goals, phases, properties). */
class PluginDescriptorTest {

    private static Document descriptor;

    @BeforeAll
    static void read() throws Exception {
        Path xml = Path.of("target/classes/META-INF/maven/plugin.xml");
        assertThat(xml).exists();
        descriptor = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Files.newInputStream(xml));
    }

    private static List<Element> mojos() {
        NodeList nodes = descriptor.getElementsByTagName("mojo");
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    private static String child(Element e, String name) {
        NodeList n = e.getElementsByTagName(name);
        return n.getLength() == 0 ? null : n.item(0).getTextContent();
    }

    @Test
    void hasEveryGoalUnderTheClusterPrefix() {
        assertThat(child(descriptor.getDocumentElement(), "goalPrefix")).isEqualTo("cluster");
        assertThat(mojos()).extracting(m -> child(m, "goal"))
                .containsExactlyInAnyOrder("validate", "secrets", "encrypt", "generate", "diff", "publish", "connectivity", "help");
    }

    @Test
    void generateRunsInGenerateResourcesAndValidateInValidate() {
        for (Element mojo : mojos()) {
            switch (child(mojo, "goal")) {
                case "generate" -> assertThat(child(mojo, "phase")).isEqualTo("generate-resources");
                case "validate" -> assertThat(child(mojo, "phase")).isEqualTo("validate");
                default -> { }
            }
        }
    }

    @Test
    void everyUserPropertyIsUnderTheClusterNamespaceAndEveryGoalCanBeSkipped() {
        String xml = descriptor.getDocumentElement().getTextContent();
        for (Element mojo : mojos()) {
            if ("help".equals(child(mojo, "goal"))) {
                continue;
            }
            NodeList config = ((Element) mojo.getElementsByTagName("configuration").item(0)).getChildNodes();
            List<String> properties = new ArrayList<>();
            for (int i = 0; i < config.getLength(); i++) {
                if (config.item(i) instanceof Element e && e.getTextContent().startsWith("${") && !e.getTextContent().startsWith("${project")
                        && !e.getTextContent().startsWith("${settings")) {
                    properties.add(e.getTextContent());
                }
            }
            assertThat(properties).as(child(mojo, "goal")).allMatch(p -> p.startsWith("${cluster."));
            assertThat(properties).as(child(mojo, "goal")).contains("${cluster.skip}", "${cluster.spec}");
        }
        assertThat(xml).isNotEmpty();
    }

    private static Element mojo(String goal) {
        return mojos().stream().filter(m -> goal.equals(child(m, "goal"))).findFirst().orElseThrow();
    }

    /** Name to description of a goal's parameters, as cluster:help and the goal pages show them. */
    private static java.util.Map<String, String> parameters(String goal) {
        java.util.Map<String, String> out = new java.util.TreeMap<>();
        Element parameters = (Element) mojo(goal).getElementsByTagName("parameters").item(0);
        NodeList list = parameters.getElementsByTagName("parameter");
        for (int i = 0; i < list.getLength(); i++) {
            Element p = (Element) list.item(i);
            out.put(child(p, "name"), child(p, "description"));
        }
        return out;
    }

    @Test
    void diffListsOnlyItsOwnParametersAndPublishKeepsItsDryRun() {
        assertThat(parameters("diff").keySet()).containsExactlyInAnyOrder("spec", "skip", "against", "failOnChange", "color",
                "secretsBundle", "previewDirectory", "settings", "url", "serverId", "tokenEnv", "username", "workDirectory",
                "catalogMirror", "ageIdentity");
        // diff changes nothing: none of its help may speak of committing or pushing
        assertThat(parameters("diff").values()).noneMatch(d -> d != null && (d.contains("commit") || d.contains("push")));
        assertThat(parameters("publish")).containsKeys("dryRun", "url", "serverId", "tokenEnv", "username", "workDirectory");
        assertThat(parameters("publish").get("dryRun")).contains("commit and push nothing");
    }
}
