package dev.clusterspec.load;

import dev.clusterspec.load.Diagnostic.Severity;
import dev.clusterspec.yaml.Position;
import dev.clusterspec.yaml.YamlLimits;
import dev.clusterspec.yaml.YamlNode;
import dev.clusterspec.yaml.YamlNode.Entry;
import dev.clusterspec.yaml.YamlNode.Mapping;
import dev.clusterspec.yaml.YamlNode.Scalar;
import dev.clusterspec.yaml.YamlNode.Sequence;
import dev.clusterspec.yaml.YamlReadException;
import dev.clusterspec.yaml.YamlReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads one YAML 1.2 document of the spec (or a stream of them, for files beside it) with the
 * {@link YamlReader}, into a Jackson tree plus a {@link SourceMap} of where each value was written.
 * The spec's limits apply as the input streams in: size before reading, nesting depth, total values
 * including alias expansions, duplicate keys, custom tags. Plain scalars are typed by the YAML 1.2
 * JSON schema: {@code yes}, {@code on}, {@code 0755} stay strings.
 */
public final class SafeYamlReader {

    /**
     * The spec's bounds. A cluster spec of 3,000 nodes is about 400 KB and 8 levels deep; these
     * leave ample room above that. Every alias counts as the values it stands for.
     */
    public static final YamlLimits SPEC_LIMITS =
            new YamlLimits(4L * 1024 * 1024, 64, 500_000, YamlLimits.UNLIMITED, true, true);

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final YamlLimits limits;

    public SafeYamlReader(YamlLimits limits) {
        this.limits = limits;
    }

    /** A document and where its values were written. */
    public record Document(JsonNode root, SourceMap sourceMap) {}

    public Document read(String file, byte[] bytes) {
        YamlReader.Documents documents = new YamlReader(limits).documents(file, decode(file, bytes, "a cluster spec"));
        YamlNode root;
        Position second;
        try {
            root = documents.hasNext() ? documents.next() : null;
            second = documents.hasNext() ? documents.nextStart() : null;
        } catch (YamlReadException e) {
            throw fail(file, e);
        }
        if (second != null) {
            throw fail(file, second, "the file holds more than one YAML document; a cluster spec is one document (remove the extra '---')");
        }
        JsonNode tree = root == null ? null : tree(root);
        if (tree == null || tree.isNull()) {
            throw fail(file, Position.START, "the file is empty; a cluster spec starts with 'apiVersion: clusterspec.dev/v1alpha1'");
        }
        if (!tree.isObject()) {
            throw fail(file, Position.START, "the top level must be a mapping (key: value pairs), not a "
                    + (tree.isArray() ? "list" : "single value"));
        }
        return new Document(tree, new SourceMap(file, root));
    }

    /**
     * Reads a stream of YAML documents (a patch file, a folder of manifests), each with its own
     * source map; an empty document is a null root. The limits apply to the stream as a whole.
     */
    public List<Document> readAll(String file, byte[] bytes) {
        List<YamlNode> roots;
        try {
            roots = new YamlReader(limits).readAll(file, decode(file, bytes, "a file beside the spec"));
        } catch (YamlReadException e) {
            throw fail(file, e);
        }
        List<Document> documents = new ArrayList<>(roots.size());
        for (YamlNode root : roots) {
            documents.add(new Document(tree(root), new SourceMap(file, root)));
        }
        return documents;
    }

    /**
     * Reads a stream of documents as {@link #readAll(String, byte[])} does, or, when it cannot, adds
     * the reason to {@code problems} and gives nothing.
     */
    public Optional<List<Document>> readAll(String file, byte[] bytes, List<Diagnostic> problems) {
        try {
            return Optional.of(readAll(file, bytes));
        } catch (SpecReadException e) {
            problems.add(e.diagnostic());
            return Optional.empty();
        }
    }

    private String decode(String file, byte[] bytes, String what) {
        if (bytes.length > limits.maxBytes()) {
            throw fail(file, Position.START, "the file is " + bytes.length + " bytes; " + what + " may be at most "
                    + limits.maxBytes() + " bytes. Is this the right file?");
        }
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
            throw fail(file, new Position(line, column), String.format(
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

    /** The Jackson tree of a located node; an alias becomes a copy of what it stands for. Never recurses. */
    private static JsonNode tree(YamlNode root) {
        record Pending(YamlNode node, JsonNode parent, String key) {}
        JsonNode top = null;
        Deque<Pending> pending = new ArrayDeque<>();
        pending.push(new Pending(root, null, null));
        while (!pending.isEmpty()) {
            Pending next = pending.pop();
            YamlNode node = next.node().resolved();
            JsonNode value;
            if (node instanceof Mapping mapping) {
                ObjectNode object = NODES.objectNode();
                List<Entry> entries = mapping.entries();
                for (int i = entries.size() - 1; i >= 0; i--) {
                    pending.push(new Pending(entries.get(i).value(), object, entries.get(i).key().value()));
                }
                value = object;
            } else if (node instanceof Sequence sequence) {
                ArrayNode array = NODES.arrayNode();
                for (int i = sequence.items().size() - 1; i >= 0; i--) {
                    pending.push(new Pending(sequence.items().get(i), array, null));
                }
                value = array;
            } else {
                value = typed((Scalar) node);
            }
            if (next.parent() instanceof ObjectNode object) {
                object.set(next.key(), value);
            } else if (next.parent() instanceof ArrayNode array) {
                array.add(value);
            } else {
                top = value;
            }
        }
        return top;
    }

    private static JsonNode typed(Scalar scalar) {
        String value = scalar.value();
        if (!scalar.plain()) {
            return NODES.stringNode(value);
        }
        return switch (Scalar.plainType(value)) {
            case Scalar.NULL -> NODES.nullNode();
            case Scalar.BOOL -> NODES.booleanNode(Boolean.parseBoolean(value));
            case Scalar.INT -> integer(value);
            case Scalar.FLOAT -> floating(value);
            default -> NODES.stringNode(value);
        };
    }

    /** YAML's {@code .inf}, {@code -.inf} and {@code .nan} have no decimal form: they stay doubles. */
    private static JsonNode floating(String value) {
        return switch (value) {
            case ".inf" -> NODES.numberNode(Double.POSITIVE_INFINITY);
            case "-.inf" -> NODES.numberNode(Double.NEGATIVE_INFINITY);
            case ".nan" -> NODES.numberNode(Double.NaN);
            default -> NODES.numberNode(new BigDecimal(value));
        };
    }

    private static JsonNode integer(String value) {
        BigInteger big = new BigInteger(value);
        return big.bitLength() < 63 ? NODES.numberNode(big.longValue()) : NODES.numberNode(big);
    }

    private static SpecReadException fail(String file, YamlReadException e) {
        String message = e.isSyntax() ? "invalid YAML: " + firstLine(e.problem() != null ? e.problem() : e.context()) : e.problem();
        return fail(file, e.position(), message);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable input";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static SpecReadException fail(String file, Position at, String message) {
        return new SpecReadException(new Diagnostic(Severity.ERROR, file, at.line(), at.column(), "", message));
    }
}
