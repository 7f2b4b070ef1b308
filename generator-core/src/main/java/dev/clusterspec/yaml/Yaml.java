package dev.clusterspec.yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;
import tools.jackson.dataformat.yaml.util.StringQuotingChecker;

/**
 * Deterministic, diff-friendly YAML for everything we write from Java trees: keys in the order the
 * tree has them (callers build trees in a stable order), block style, no document-start marker,
 * and quotes wherever a Go YAML 1.1 decoder (Kubernetes, Talos) would read a string as something else.
 */
public final class Yaml {

    /** Strings that YAML 1.1 readers turn into numbers, booleans, null, timestamps or merge keys. */
    private static final Pattern YAML11_AMBIGUOUS =
            Pattern.compile("^(?:[-+.0-9].*|<<|=|(?i:y|n|yes|no|on|off|true|false|null|~))$");

    /**
     * The reader of YAML text (snakeyaml-engine under Jackson's token stream). Generated and published
     * files (a repo of CRDs, Talos configs with inline manifests) may be far bigger than the 3 MB a
     * document may have by default.
     */
    private static final YAMLFactory FACTORY = YAMLFactory.builder()
            .stringQuotingChecker(new Yaml11SafeQuoting())
            .loadSettings(LoadSettings.builder().setCodePointLimit(64 * 1024 * 1024).build())
            .build();

    /** Jackson's YAML writer, built on first use: {@link TreeYamlWriter} writes everything the tool makes. */
    private static final class Mapper {
        static final YAMLMapper INSTANCE = YAMLMapper.builder(FACTORY)
                .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
                .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
                .enable(YAMLWriteFeature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                .enable(YAMLWriteFeature.LITERAL_BLOCK_STYLE)
                .enable(YAMLWriteFeature.INDENT_ARRAYS_WITH_INDICATOR)
                .disable(YAMLWriteFeature.SPLIT_LINES)
                .disable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .build();
    }

    private Yaml() {}

    public static YAMLMapper mapper() {
        return Mapper.INSTANCE;
    }

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /**
     * One YAML document, ending in a newline. Written by {@link TreeYamlWriter}, which produces the
     * mapper's exact output several times faster, or by the mapper for what that writer declines.
     */
    public static String write(JsonNode document) {
        StringBuilder out = new StringBuilder(1024);
        append(document, out);
        return out.toString();
    }

    /** Several documents separated by {@code ---}, the form kubectl and Talos read. */
    public static String writeAll(List<? extends JsonNode> documents) {
        StringBuilder out = new StringBuilder(4096);
        for (int i = 0; i < documents.size(); i++) {
            if (i > 0) {
                out.append("---\n");
            }
            append(documents.get(i), out);
        }
        return out.toString();
    }

    private static void append(JsonNode document, StringBuilder out) {
        if (!TreeYamlWriter.tryWrite(document, out)) {
            out.append(writeWithMapper(document));
        }
    }

    /** The reference output that {@link TreeYamlWriter} reproduces. */
    static String writeWithMapper(JsonNode document) {
        String text = Mapper.INSTANCE.writeValueAsString(document);
        return text.endsWith("\n") ? text : text + "\n";
    }

    /**
     * Reads a multi-document YAML text into trees, the trees Jackson's object mapper would build from
     * the same tokens (built here: the mapper takes a quarter of a second to build in a new JVM).
     */
    public static List<JsonNode> readAll(String text) {
        List<JsonNode> documents = new ArrayList<>();
        try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), text)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                JsonNode node = TokenTrees.value(parser, token);
                if (!node.isNull()) {
                    documents.add(node);
                }
            }
        }
        return documents;
    }

    /**
     * Quotes what a YAML 1.1 decoder would misread, on top of the default rules. {@link QuotingRules}
     * states the same for the fast writer: change both together (TreeYamlWriterTest compares them).
     */
    private static final class Yaml11SafeQuoting extends StringQuotingChecker.Default {
        @Override
        public boolean needToQuoteValue(String value) {
            return super.needToQuoteValue(value) || YAML11_AMBIGUOUS.matcher(value).matches();
        }
    }
}
