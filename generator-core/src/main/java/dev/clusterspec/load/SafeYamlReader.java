package dev.clusterspec.load;

import dev.clusterspec.load.Diagnostic.Severity;
import dev.clusterspec.load.SourceMap.Position;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.resolver.JsonScalarResolver;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads one YAML 1.2 document into a Jackson tree plus a {@link SourceMap}, from snakeyaml-engine's
 * event stream. Building the tree here (instead of through a recursive composer) is what lets every
 * limit be enforced as the input streams in: size before reading, nesting depth, total nodes
 * including alias expansions, duplicate keys, and it never recurses, so deep input cannot overflow
 * the stack. Plain scalars are typed by the YAML 1.2 JSON schema: {@code yes}, {@code on}, {@code 0755}
 * stay strings.
 */
public final class SafeYamlReader {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonScalarResolver RESOLVER = new JsonScalarResolver();

    private final YamlLimits limits;

    public SafeYamlReader(YamlLimits limits) {
        this.limits = limits;
    }

    /** A document and where its values were written. */
    public record Document(JsonNode root, SourceMap sourceMap) {}

    public Document read(String file, byte[] bytes) {
        return parse(file, bytes, "a cluster spec", parser -> new Builder(file).build(parser));
    }

    /**
     * Reads a stream of YAML documents (a patch file, a folder of manifests), each with its own
     * source map; an empty document is a null root. The limits apply to the stream as a whole.
     */
    public List<Document> readAll(String file, byte[] bytes) {
        return parse(file, bytes, "a file beside the spec", parser -> new Builder(file).buildAll(parser));
    }

    private <T> T parse(String file, byte[] bytes, String what, Function<ParserImpl, T> build) {
        if (bytes.length > limits.maxBytes()) {
            throw fail(file, 1, 1, "the file is " + bytes.length + " bytes; " + what + " may be at most "
                    + limits.maxBytes() + " bytes. Is this the right file?");
        }
        String text = decodeUtf8(file, bytes);
        LoadSettings settings = LoadSettings.builder()
                .setLabel(file)
                .setAllowDuplicateKeys(false)
                .setMaxAliasesForCollections(limits.maxAliases())
                .setCodePointLimit((int) Math.min(Integer.MAX_VALUE, limits.maxBytes()))
                .setUseMarks(true)
                .build();
        try {
            return build.apply(new ParserImpl(settings, new StreamReader(settings, text)));
        } catch (MarkedYamlEngineException e) {
            Optional<Mark> mark = e.getProblemMark().or(e::getContextMark);
            throw fail(file, mark.map(m -> m.getLine() + 1).orElse(1), mark.map(m -> m.getColumn() + 1).orElse(1),
                    "invalid YAML: " + firstLine(e.getProblem() != null ? e.getProblem() : e.getContext()));
        } catch (YamlEngineException e) {
            throw fail(file, 1, 1, "invalid YAML: " + firstLine(e.getMessage()));
        }
    }

    private static String decodeUtf8(String file, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return decoder.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            int bad = firstInvalidUtf8Offset(bytes);
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < bad; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            int column = new String(bytes, lineStart, bad - lineStart, StandardCharsets.UTF_8).length() + 1;
            throw fail(file, line, column, String.format(
                    "the file is not valid UTF-8 (byte 0x%02X at offset %d); save it as UTF-8", bytes[bad] & 0xff, bad));
        }
    }

    private static int firstInvalidUtf8Offset(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        decoder.decode(in, out, true);
        return Math.min(in.position(), bytes.length - 1);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable input";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static SpecReadException fail(String file, int line, int column, String message) {
        return new SpecReadException(new Diagnostic(Severity.ERROR, file, line, column, "", message));
    }

    /** Builds the tree from events with an explicit stack of open collections. */
    private final class Builder {
        private final String file;
        private SourceMap sourceMap;
        private final Deque<Frame> stack = new ArrayDeque<>();
        // anchors are per document in YAML; the node count runs over the whole stream
        private final Map<String, JsonNode> anchors = new HashMap<>();
        private final Map<String, Long> anchorSizes = new HashMap<>();
        private long nodeCount;
        private JsonNode root;
        private int documents;

        Builder(String file) {
            this.file = file;
            this.sourceMap = new SourceMap(file);
        }

        /** An open mapping or sequence, with the pending key of a mapping. */
        private final class Frame {
            final JsonNode node;
            final String pointer;
            final String anchor;
            String pendingKey;
            final Map<String, Position> keysSeen = new HashMap<>();

            Frame(JsonNode node, String pointer, String anchor) {
                this.node = node;
                this.pointer = pointer;
                this.anchor = anchor;
            }
        }

        Document build(ParserImpl parser) {
            while (parser.hasNext()) {
                Event event = parser.next();
                switch (event.getEventId()) {
                    case DocumentStart -> {
                        if (++documents > 1) {
                            throw failAt(event, "the file holds more than one YAML document; a cluster spec is one document (remove the extra '---')");
                        }
                    }
                    case MappingStart -> open(event, NODES.objectNode());
                    case SequenceStart -> open(event, NODES.arrayNode());
                    case MappingEnd, SequenceEnd -> close();
                    case Scalar -> scalar((ScalarEvent) event);
                    case Alias -> alias((AliasEvent) event);
                    default -> { }
                }
            }
            if (root == null || root.isNull()) {
                throw fail(file, 1, 1, "the file is empty; a cluster spec starts with 'apiVersion: clusterspec.dev/v1alpha1'");
            }
            if (!root.isObject()) {
                throw fail(file, 1, 1, "the top level must be a mapping (key: value pairs), not a "
                        + (root.isArray() ? "list" : "single value"));
            }
            return new Document(root, sourceMap);
        }

        List<Document> buildAll(ParserImpl parser) {
            List<Document> out = new ArrayList<>();
            while (parser.hasNext()) {
                Event event = parser.next();
                switch (event.getEventId()) {
                    case DocumentStart -> {
                        root = null;
                        sourceMap = new SourceMap(file);
                        anchors.clear();
                        anchorSizes.clear();
                    }
                    case DocumentEnd -> out.add(new Document(root == null ? NODES.nullNode() : root, sourceMap));
                    case MappingStart -> open(event, NODES.objectNode());
                    case SequenceStart -> open(event, NODES.arrayNode());
                    case MappingEnd, SequenceEnd -> close();
                    case Scalar -> scalar((ScalarEvent) event);
                    case Alias -> alias((AliasEvent) event);
                    default -> { }
                }
            }
            return out;
        }

        private void open(Event event, JsonNode node) {
            Frame parent = stack.peek();
            if (parent != null && parent.node.isObject() && parent.pendingKey == null) {
                throw failAt(event, "mapping keys must be plain strings, not lists or mappings");
            }
            if (stack.size() >= limits.maxDepth()) {
                throw failAt(event, "the document is nested more than " + limits.maxDepth() + " levels deep");
            }
            String pointer = place(event, node);
            String anchor = ((NodeEvent) event).getAnchor().map(a -> a.getValue()).orElse(null);
            stack.push(new Frame(node, pointer, anchor));
        }

        private void close() {
            Frame done = stack.pop();
            if (done.anchor != null) {
                anchor(done.anchor, done.node);
            }
        }

        private void scalar(ScalarEvent event) {
            Frame parent = stack.peek();
            if (parent != null && parent.node.isObject() && parent.pendingKey == null) {
                key(parent, event);
                return;
            }
            JsonNode value = typed(event);
            place(event, value);
            event.getAnchor().ifPresent(a -> anchor(a.getValue(), value));
        }

        private void key(Frame mapping, ScalarEvent event) {
            String name = event.getValue();
            Position at = position(event);
            Position first = mapping.keysSeen.putIfAbsent(name, at);
            if (first != null) {
                throw fail(file, at.line(), at.column(), "duplicate key '" + name + "' (first written at line "
                        + first.line() + "); each key may appear once in a mapping");
            }
            mapping.pendingKey = name;
            sourceMap.key(SourceMap.child(mapping.pointer, name), at);
        }

        private void alias(AliasEvent event) {
            Frame parent = stack.peek();
            if (parent != null && parent.node.isObject() && parent.pendingKey == null) {
                throw failAt(event, "an alias cannot be used as a mapping key");
            }
            String name = event.getAlias().getValue();
            JsonNode target = anchors.get(name);
            if (target == null) {
                throw failAt(event, "alias *" + name + " refers to no anchor &" + name + " defined before it");
            }
            // charge the whole expansion before copying anything: this is what stops alias bombs
            count(event, anchorSizes.get(name) - 1);
            place(event, target.deepCopy());
        }

        private void anchor(String name, JsonNode node) {
            anchors.put(name, node);
            anchorSizes.put(name, subtreeSize(node));
        }

        /** Values in a subtree, counted without recursion; bounded because the subtree was counted once. */
        private long subtreeSize(JsonNode node) {
            long size = 0;
            Deque<JsonNode> pending = new ArrayDeque<>();
            pending.push(node);
            while (!pending.isEmpty()) {
                JsonNode next = pending.pop();
                size++;
                next.forEach(pending::push);
            }
            return size;
        }

        /** Attaches a node to the open collection (or makes it the root); returns its pointer. */
        private String place(Event event, JsonNode node) {
            count(event, 1);
            Frame parent = stack.peek();
            String pointer;
            if (parent == null) {
                root = node;
                pointer = "";
            } else if (parent.node instanceof ObjectNode object) {
                pointer = SourceMap.child(parent.pointer, parent.pendingKey);
                object.set(parent.pendingKey, node);
                parent.pendingKey = null;
            } else {
                ArrayNode array = (ArrayNode) parent.node;
                pointer = SourceMap.child(parent.pointer, array.size());
                array.add(node);
            }
            sourceMap.value(pointer, position(event));
            return pointer;
        }

        private void count(Event event, long nodes) {
            nodeCount += nodes;
            if (nodeCount > limits.maxNodes()) {
                throw failAt(event, "the document expands to more than " + limits.maxNodes()
                        + " values (an alias bomb?); aliases are expanded and counted");
            }
        }

        private JsonNode typed(ScalarEvent event) {
            String value = event.getValue();
            if (event.getTag().isPresent() && !event.getTag().get().startsWith("tag:yaml.org,2002:")) {
                throw failAt(event, "custom YAML tags like " + event.getTag().get() + " are not supported");
            }
            if (!event.isPlain()) {
                return NODES.stringNode(value);
            }
            String tag = RESOLVER.resolve(value, true).getValue();
            return switch (tag) {
                case "tag:yaml.org,2002:null" -> NODES.nullNode();
                case "tag:yaml.org,2002:bool" -> NODES.booleanNode(Boolean.parseBoolean(value));
                case "tag:yaml.org,2002:int" -> integer(value);
                case "tag:yaml.org,2002:float" -> NODES.numberNode(new java.math.BigDecimal(value));
                default -> NODES.stringNode(value);
            };
        }

        private JsonNode integer(String value) {
            java.math.BigInteger big = new java.math.BigInteger(value);
            return big.bitLength() < 63 ? NODES.numberNode(big.longValue()) : NODES.numberNode(big);
        }

        private Position position(Event event) {
            return event.getStartMark().map(m -> new Position(m.getLine() + 1, m.getColumn() + 1)).orElse(new Position(1, 1));
        }

        private SpecReadException failAt(Event event, String message) {
            Position p = position(event);
            return fail(file, p.line(), p.column(), message);
        }
    }
}
