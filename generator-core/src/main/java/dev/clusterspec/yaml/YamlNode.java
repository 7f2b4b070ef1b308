package dev.clusterspec.yaml;

import java.util.List;
import org.snakeyaml.engine.v2.resolver.JsonScalarResolver;

/**
 * A YAML node as written, with the 1-based line and column it starts at (of its anchor or tag, if
 * it has one). Immutable; read by {@link YamlReader}.
 */
public sealed interface YamlNode permits YamlNode.Scalar, YamlNode.Sequence, YamlNode.Mapping, YamlNode.Alias {

    int line();

    int column();

    default Position position() {
        return new Position(line(), column());
    }

    /** The node an alias stands for; any other node is itself. */
    default YamlNode resolved() {
        return this;
    }

    /**
     * A scalar: its text, its explicit tag as written in full ({@code tag:yaml.org,2002:str} for
     * {@code !!str}, {@code !ip}) or null, and whether it is plain (unquoted, not a block scalar).
     */
    record Scalar(String value, String tag, boolean plain, int line, int column) implements YamlNode {

        public static final String STR = "tag:yaml.org,2002:str";
        public static final String NULL = "tag:yaml.org,2002:null";
        public static final String BOOL = "tag:yaml.org,2002:bool";
        public static final String INT = "tag:yaml.org,2002:int";
        public static final String FLOAT = "tag:yaml.org,2002:float";
        public static final String BINARY = "tag:yaml.org,2002:binary";

        private static final JsonScalarResolver RESOLVER = new JsonScalarResolver();

        /**
         * Its type by the YAML 1.2 JSON schema, as a YAML composer decides it: the explicit tag, else
         * the type of a plain scalar's text ({@link #plainType}); quoted and block text is a string.
         */
        public String resolvedTag() {
            if (tag == null || tag.equals("!")) {
                return RESOLVER.resolve(value, (plain && tag == null) || tag != null).getValue();
            }
            return tag;
        }

        /**
         * The type the YAML 1.2 JSON schema gives plain text: {@code null} and the empty text are
         * null, {@code true}/{@code false} booleans, {@code 12} and {@code 1.5} numbers; everything
         * else ({@code yes}, {@code on}, {@code 0755}, {@code ~}) is a string.
         */
        public static String plainType(String text) {
            return RESOLVER.resolve(text, true).getValue();
        }
    }

    /** A list. */
    record Sequence(List<YamlNode> items, int line, int column) implements YamlNode {}

    /** A mapping: its entries in the order written (duplicates kept unless the limits forbid them). */
    record Mapping(List<Entry> entries, int line, int column) implements YamlNode {}

    /** One key and its value; keys are scalars. */
    record Entry(Scalar key, YamlNode value) {}

    /** An alias ({@code *name}) where it is written, and the node its anchor marks. */
    record Alias(String anchor, YamlNode target, int line, int column) implements YamlNode {

        @Override
        public YamlNode resolved() {
            return target;
        }
    }
}
