package dev.clusterspec.load;

import java.util.HashMap;
import java.util.Map;

/**
 * Where each value of the spec tree was written, by JSON pointer ({@code /nodes/0/ip}). Keys have
 * their own positions so that "unknown field" can point at the key itself.
 */
public final class SourceMap {

    /** A 1-based line and column. */
    public record Position(int line, int column) {}

    private final String file;
    private final Map<String, Position> values = new HashMap<>();
    private final Map<String, Position> keys = new HashMap<>();

    public SourceMap(String file) {
        this.file = file;
    }

    public String file() {
        return file;
    }

    void value(String pointer, Position position) {
        values.putIfAbsent(pointer, position);
    }

    void key(String pointer, Position position) {
        keys.putIfAbsent(pointer, position);
    }

    /** Whether the spec file itself holds a value at the pointer (not a default filled in later). */
    public boolean has(String pointer) {
        return values.containsKey(pointer);
    }

    /** The position of the value at the pointer, else of its closest written ancestor. */
    public Position valueAt(String pointer) {
        String p = pointer;
        while (true) {
            Position found = values.get(p);
            if (found != null) {
                return found;
            }
            if (p.isEmpty()) {
                return new Position(1, 1);
            }
            p = p.substring(0, p.lastIndexOf('/'));
        }
    }

    /** The position of the key of the member at the pointer, else of the value. */
    public Position keyAt(String pointer) {
        Position found = keys.get(pointer);
        return found != null ? found : valueAt(pointer);
    }

    public static String child(String pointer, String name) {
        return pointer + "/" + name.replace("~", "~0").replace("/", "~1");
    }

    public static String child(String pointer, int index) {
        return pointer + "/" + index;
    }
}
