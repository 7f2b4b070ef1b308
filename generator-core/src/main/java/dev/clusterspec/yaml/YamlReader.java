package dev.clusterspec.yaml;

import dev.clusterspec.yaml.YamlNode.Alias;
import dev.clusterspec.yaml.YamlNode.Entry;
import dev.clusterspec.yaml.YamlNode.Mapping;
import dev.clusterspec.yaml.YamlNode.Scalar;
import dev.clusterspec.yaml.YamlNode.Sequence;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Reads YAML 1.2 text into {@link YamlNode}s with their positions, straight from snakeyaml-engine's
 * event stream. Building the nodes here (instead of through a recursive composer) is what lets every
 * limit be enforced as the input streams in, in the order the problems are written: size, nesting
 * depth, values counted with aliases expanded, aliases of collections, duplicate keys, custom tags.
 * It never recurses, so deep input cannot overflow the stack. Mapping keys must be scalars written
 * as such (not lists, mappings or aliases).
 *
 * <p>Aliases are not copied: an {@link Alias} node refers to the node its anchor marks, which is
 * complete before any alias can name it (an alias inside its own anchor's node is undefined).
 * Anchors hold within one document.
 */
public final class YamlReader {

    private final YamlLimits limits;

    public YamlReader(YamlLimits limits) {
        this.limits = limits;
    }

    /**
     * The documents of {@code text}, read one at a time; the limits on values apply to the stream as
     * a whole. {@code label} names the text in the parser's own state (never in messages).
     */
    public Documents documents(String label, String text) {
        LoadSettings settings = LoadSettings.builder()
                .setLabel(label)
                .setUseMarks(true)
                .setCodePointLimit((int) Math.min(Integer.MAX_VALUE, limits.maxBytes()))
                .build();
        return new Documents(new ParserImpl(settings, new StreamReader(settings, text)));
    }

    /**
     * Every document of {@code text}; an empty document is an empty plain scalar.
     *
     * @throws YamlReadException when the text is not YAML or breaks a limit
     */
    public List<YamlNode> readAll(String label, String text) {
        Documents documents = documents(label, text);
        List<YamlNode> all = new ArrayList<>();
        while (documents.hasNext()) {
            all.add(documents.next());
        }
        return all;
    }

    /** The documents of one stream, read as they are asked for. */
    public final class Documents {

        private final ParserImpl parser;
        private boolean started;
        private long nodeCount;
        private int collectionAliases;

        private Documents(ParserImpl parser) {
            this.parser = parser;
        }

        /**
         * Whether another document follows; reads no further than its start.
         *
         * @throws YamlReadException when the text before it is not YAML
         */
        public boolean hasNext() {
            return guarded(() -> {
                if (!started) {
                    parser.next(); // the stream's start
                    started = true;
                }
                return parser.checkEvent(Event.ID.DocumentStart);
            });
        }

        /** Where the next document starts (its {@code ---}, or its first node); only after {@link #hasNext()}. */
        public Position nextStart() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return guarded(() -> position(parser.peekEvent()));
        }

        /**
         * Reads the next document.
         *
         * @throws YamlReadException when it is not YAML or breaks a limit
         */
        public YamlNode next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return guarded(() -> {
                parser.next(); // the document's start
                return new DocumentBuilder().build();
            });
        }

        /** The nodes of one document, from its events, with an explicit stack of open collections. */
        private final class DocumentBuilder {
            private final Deque<Open> stack = new ArrayDeque<>();
            private final Map<String, Anchored> anchors = new HashMap<>();
            private YamlNode root;

            YamlNode build() {
                while (true) {
                    Event event = parser.next();
                    switch (event.getEventId()) {
                        case MappingStart, SequenceStart -> open((NodeEvent) event);
                        case MappingEnd, SequenceEnd -> close();
                        case Scalar -> scalar((ScalarEvent) event);
                        case Alias -> alias((AliasEvent) event);
                        case DocumentEnd -> {
                            return root;
                        }
                        default -> { }
                    }
                }
            }

            private void open(NodeEvent event) {
                Open parent = stack.peek();
                if (parent != null && parent.awaitsKey()) {
                    throw limit(event, "mapping keys must be plain strings, not lists or mappings");
                }
                if (stack.size() >= limits.maxDepth()) {
                    throw limit(event, "the document is nested more than " + limits.maxDepth() + " levels deep");
                }
                long before = nodeCount;
                count(event, 1);
                stack.push(new Open(event, before));
            }

            private void close() {
                Open done = stack.pop();
                YamlNode node = done.node();
                done.anchor.ifPresent(a -> anchors.put(a.getValue(), new Anchored(node, nodeCount - done.countBefore)));
                attach(node);
            }

            private void scalar(ScalarEvent event) {
                Mark mark = event.getStartMark().orElse(null);
                Scalar scalar = mark == null ? new Scalar(event.getValue(), event.getTag().orElse(null), event.isPlain(), 1, 1)
                        : new Scalar(event.getValue(), event.getTag().orElse(null), event.isPlain(), mark.getLine() + 1, mark.getColumn() + 1);
                Open parent = stack.peek();
                if (parent != null && parent.awaitsKey()) {
                    parent.key(scalar);
                    return;
                }
                if (limits.standardTagsOnly() && scalar.tag() != null && !scalar.tag().startsWith("tag:yaml.org,2002:")) {
                    throw limit(scalar.position(), "custom YAML tags like " + scalar.tag() + " are not supported");
                }
                count(event, 1);
                event.getAnchor().ifPresent(a -> anchors.put(a.getValue(), new Anchored(scalar, 1)));
                attach(scalar);
            }

            private void alias(AliasEvent event) {
                Open parent = stack.peek();
                if (parent != null && parent.awaitsKey()) {
                    throw limit(event, "an alias cannot be used as a mapping key");
                }
                String name = event.getAlias().getValue();
                Anchored anchored = anchors.get(name);
                if (anchored == null) {
                    throw limit(event, "alias *" + name + " refers to no anchor &" + name + " defined before it");
                }
                if (!(anchored.node instanceof Scalar) && ++collectionAliases > limits.maxCollectionAliases()) {
                    throw limit(event, "Number of aliases for non-scalar nodes exceeds the specified max="
                            + limits.maxCollectionAliases());
                }
                // charge the whole expansion: this is what stops alias bombs
                count(event, anchored.size);
                Position at = position(event);
                attach(new Alias(name, anchored.node, at.line(), at.column()));
            }

            private void attach(YamlNode node) {
                Open parent = stack.peek();
                if (parent == null) {
                    root = node;
                } else {
                    parent.add(node);
                }
            }

            private void count(Event event, long values) {
                nodeCount = values > Long.MAX_VALUE - nodeCount ? Long.MAX_VALUE : nodeCount + values;
                if (nodeCount > limits.maxNodes()) {
                    throw limit(event, "the document expands to more than " + limits.maxNodes()
                            + " values (an alias bomb?); aliases are expanded and counted");
                }
            }
        }

        /** An open list or mapping: what it holds so far, and for a mapping the key that waits for its value. */
        private final class Open {
            final Position at;
            final Optional<Anchor> anchor;
            final long countBefore;
            final List<Entry> entries;
            final List<YamlNode> items;
            Scalar pendingKey;
            Map<String, Scalar> keysSeen;

            Open(NodeEvent event, long countBefore) {
                boolean mapping = event.getEventId() == Event.ID.MappingStart;
                this.at = position(event);
                this.anchor = event.getAnchor();
                this.countBefore = countBefore;
                this.entries = mapping ? new ArrayList<>() : null;
                this.items = mapping ? null : new ArrayList<>();
            }

            boolean awaitsKey() {
                return entries != null && pendingKey == null;
            }

            void key(Scalar key) {
                if (limits.uniqueKeys()) {
                    if (keysSeen == null) {
                        keysSeen = new HashMap<>();
                    }
                    Scalar first = keysSeen.putIfAbsent(key.value(), key);
                    if (first != null) {
                        throw limit(key.position(), "duplicate key '" + key.value() + "' (first written at line "
                                + first.line() + "); each key may appear once in a mapping");
                    }
                }
                pendingKey = key;
            }

            void add(YamlNode node) {
                if (entries != null) {
                    entries.add(new Entry(pendingKey, node));
                    pendingKey = null;
                } else {
                    items.add(node);
                }
            }

            YamlNode node() {
                return entries != null
                        ? new Mapping(Collections.unmodifiableList(entries), at.line(), at.column())
                        : new Sequence(Collections.unmodifiableList(items), at.line(), at.column());
            }
        }

        /** A node an anchor marks, and how many values it stands for. */
        private record Anchored(YamlNode node, long size) {}
    }

    private interface ParserStep<T> {
        T run();
    }

    /** Runs parser steps, turning the parser's exceptions into {@link YamlReadException}s. */
    private static <T> T guarded(ParserStep<T> step) {
        try {
            return step.run();
        } catch (MarkedYamlEngineException e) {
            return rethrow(YamlReadException.syntax(e.getProblem(), position(e.getProblemMark()), e.getContext(),
                    position(e.getContextMark())));
        } catch (YamlReadException e) {
            throw e;
        } catch (YamlEngineException e) {
            return rethrow(YamlReadException.syntax(e.getMessage(), null, null, null));
        } catch (NumberFormatException e) {
            // a malformed escape the parser's scanner did not catch itself; its message would quote the input
            return rethrow(YamlReadException.syntax("malformed escape sequence or number", null, null, null));
        }
    }

    private static <T> T rethrow(YamlReadException e) {
        throw e;
    }

    private static Position position(Optional<Mark> mark) {
        return mark.map(m -> new Position(m.getLine() + 1, m.getColumn() + 1)).orElse(null);
    }

    private static Position position(Event event) {
        Position at = position(event.getStartMark());
        return at != null ? at : Position.START;
    }

    private static YamlReadException limit(Event event, String message) {
        return limit(position(event), message);
    }

    private static YamlReadException limit(Position at, String message) {
        return YamlReadException.limit(message, at);
    }
}
