package dev.clusterspec.load;

import dev.clusterspec.yaml.Position;
import dev.clusterspec.yaml.YamlNode;
import dev.clusterspec.yaml.YamlNode.Entry;
import dev.clusterspec.yaml.YamlNode.Mapping;
import dev.clusterspec.yaml.YamlNode.Sequence;

/**
 * Where each value of a spec tree was written, by JSON pointer ({@code /nodes/0/ip}): a view of the
 * located YAML the tree was read from. Keys have their own positions so that "unknown field" can
 * point at the key itself. Inside an alias only the alias itself has a position.
 */
public final class SourceMap {

    private final String file;
    private final YamlNode root;

    /** A map of a file that holds nothing (yet): every position is the file's start. */
    public SourceMap(String file) {
        this(file, null);
    }

    public SourceMap(String file, YamlNode root) {
        this.file = file;
        this.root = root;
    }

    public String file() {
        return file;
    }

    /** Whether the spec file itself holds a value at the pointer (not a default filled in later). */
    public boolean has(String pointer) {
        Walk walk = walk(pointer);
        return walk.node != null && walk.complete;
    }

    /** The position of the value at the pointer, else of its closest written ancestor. */
    public Position valueAt(String pointer) {
        Walk walk = walk(pointer);
        return walk.node == null ? Position.START : walk.node.position();
    }

    /** The position of the key of the member at the pointer, else of the value. */
    public Position keyAt(String pointer) {
        int last = pointer.lastIndexOf('/');
        if (last >= 0) {
            Walk parent = walk(pointer.substring(0, last));
            if (parent.complete && parent.node instanceof Mapping mapping) {
                Entry entry = entry(mapping, unescape(pointer.substring(last + 1)));
                if (entry != null) {
                    return entry.key().position();
                }
            }
        }
        return valueAt(pointer);
    }

    public static String child(String pointer, String name) {
        return pointer + "/" + name.replace("~", "~0").replace("/", "~1");
    }

    public static String child(String pointer, int index) {
        return pointer + "/" + index;
    }

    /** How far a pointer leads into the written tree: the deepest node reached, and whether that is its end. */
    private record Walk(YamlNode node, boolean complete) {}

    private Walk walk(String pointer) {
        YamlNode node = root;
        int at = 0;
        while (node != null && at < pointer.length()) {
            int end = pointer.indexOf('/', at + 1);
            String segment = pointer.substring(at + 1, end < 0 ? pointer.length() : end);
            YamlNode next = null; // a scalar, or an alias: nothing inside has a position of its own
            if (node instanceof Mapping mapping) {
                Entry entry = entry(mapping, unescape(segment));
                next = entry == null ? null : entry.value();
            } else if (node instanceof Sequence sequence) {
                int index = index(segment);
                next = index >= 0 && index < sequence.items().size() ? sequence.items().get(index) : null;
            }
            if (next == null) {
                return new Walk(node, false);
            }
            node = next;
            at = end < 0 ? pointer.length() : end;
        }
        return new Walk(node, true);
    }

    private static Entry entry(Mapping mapping, String key) {
        for (Entry entry : mapping.entries()) {
            if (entry.key().value().equals(key)) {
                return entry;
            }
        }
        return null;
    }

    /** An array index as {@link #child(String, int)} writes it, else -1. */
    private static int index(String segment) {
        if (segment.isEmpty() || segment.length() > 9 || (segment.length() > 1 && segment.charAt(0) == '0')) {
            return -1;
        }
        for (int i = 0; i < segment.length(); i++) {
            if (segment.charAt(i) < '0' || segment.charAt(i) > '9') {
                return -1;
            }
        }
        return Integer.parseInt(segment);
    }

    private static String unescape(String segment) {
        return segment.indexOf('~') < 0 ? segment : segment.replace("~1", "/").replace("~0", "~");
    }
}
