package dev.clusterspec.diff;

import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.api.LoadSettings;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Reads generated and published YAML, which may be far bigger than a hand-written spec. */
final class DiffYaml {

    private static final YAMLMapper MAPPER = YAMLMapper.builder(YAMLFactory.builder()
                    .loadSettings(LoadSettings.builder()
                            .setCodePointLimit(64 * 1024 * 1024)
                            .setMaxAliasesForCollections(50)
                            .build())
                    .build())
            .build();

    private DiffYaml() {}

    /**
     * The non-empty documents of a multi-document text.
     *
     * @throws tools.jackson.core.JacksonException when the text is not YAML
     */
    static List<JsonNode> readAll(String text) {
        List<JsonNode> documents = new ArrayList<>();
        try (var values = MAPPER.readValues(MAPPER.createParser(text), JsonNode.class)) {
            while (values.hasNextValue()) {
                JsonNode node = values.nextValue();
                if (node != null && !node.isNull() && !node.isMissingNode()) {
                    documents.add(node);
                }
            }
        }
        return documents;
    }
}
