package dev.clusterspec.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clusterspec.Examples;
import dev.clusterspec.spec.ClusterSpec;
import dev.clusterspec.spec.ServiceSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class SpecBinderTest {

    /** The binder the loader used before: the oracle our own must agree with. */
    private static final JsonMapper JACKSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .withCoercionConfigDefaults(c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
            .build();

    @Test
    void bindsEverySpecTheTestsKnowAsJacksonDid() throws IOException {
        List<Path> specs = new ArrayList<>();
        Examples.ALL.forEach(example -> specs.add(Examples.spec(example)));
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/bad-specs"))) {
            files.filter(f -> f.getFileName().toString().startsWith("sem-")).sorted().forEach(specs::add);
        }
        int compared = 0;
        for (Path spec : specs) {
            SafeYamlReader.Document document = new SafeYamlReader(SafeYamlReader.SPEC_LIMITS).read(spec.toString(), Files.readAllBytes(spec));
            if (!SpecSchema.get().validate(document.root(), document.sourceMap()).isEmpty()) {
                continue;
            }
            JsonNode tree = document.root();
            new SchemaDefaults(SpecSchema.get().tree()).apply(tree);
            assertThat(SpecBinder.bind(tree, ClusterSpec.class)).as(spec.toString()).isEqualTo(JACKSON.treeToValue(tree, ClusterSpec.class));
            compared++;
        }
        assertThat(compared).isGreaterThan(40);
    }

    @Test
    void aPortIsANumberOrAMapping() {
        ObjectNode mapping = JsonMapper.shared().createObjectNode().put("port", 53).put("protocol", "UDP");
        assertThat(SpecBinder.bind(mapping, ServiceSpec.Port.class)).isEqualTo(new ServiceSpec.Port(53, 53, ServiceSpec.Protocol.UDP));
        assertThat(SpecBinder.bind(JsonMapper.shared().getNodeFactory().numberNode(443), ServiceSpec.Port.class))
                .isEqualTo(new ServiceSpec.Port(443, 443, ServiceSpec.Protocol.TCP));
    }

    @Test
    void aPropertyTheModelDoesNotHaveIsAnError() {
        ObjectNode mapping = JsonMapper.shared().createObjectNode().put("port", 53).put("porotocol", "UDP");
        assertThatThrownBy(() -> SpecBinder.bind(mapping, ServiceSpec.Port.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("/porotocol");
        ObjectNode wrongType = JsonMapper.shared().createObjectNode().put("port", "53");
        assertThatThrownBy(() -> SpecBinder.bind(wrongType, ServiceSpec.Port.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("/port: an integer expected");
    }
}
