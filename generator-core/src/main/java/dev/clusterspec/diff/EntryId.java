package dev.clusterspec.diff;

import java.util.Comparator;
import java.util.Objects;

/**
 * What a diff entry is about, independent of the file it sits in where that file's name changes
 * with its content.
 *
 * <ul>
 *   <li>{@link Type#OBJECT}: a Kubernetes object, matched across all files by API group, kind,
 *       namespace and name (the version is left out, so {@code v1beta1 -> v1} is a change, not a
 *       removal and an addition). {@code file} is empty.</li>
 *   <li>{@link Type#DOCUMENT}: one document of a multi-document config that is matched by path,
 *       such as a Talos machine config: {@code kind} is the document kind ({@code v1alpha1} for the
 *       main document, which has only {@code version: v1alpha1}; empty for the one document of a file
 *       without kinds, {@code #2}, {@code #3} for more) and {@code name} its name, if it has one.</li>
 *   <li>{@link Type#FILE}: a file compared as text lines, matched by path.</li>
 * </ul>
 */
public record EntryId(Type type, String file, String group, String kind, String namespace, String name)
        implements Comparable<EntryId> {

    public enum Type { OBJECT, DOCUMENT, FILE }

    private static final Comparator<EntryId> ORDER = Comparator.comparing(EntryId::type)
            .thenComparing(EntryId::file)
            .thenComparing(EntryId::kind)
            .thenComparing(EntryId::group)
            .thenComparing(EntryId::namespace)
            .thenComparing(EntryId::name);

    public EntryId {
        Objects.requireNonNull(type);
        file = Objects.requireNonNullElse(file, "");
        group = Objects.requireNonNullElse(group, "");
        kind = Objects.requireNonNullElse(kind, "");
        namespace = Objects.requireNonNullElse(namespace, "");
        name = Objects.requireNonNullElse(name, "");
    }

    public static EntryId object(String group, String kind, String namespace, String name) {
        return new EntryId(Type.OBJECT, "", group, kind, namespace, name);
    }

    public static EntryId document(String file, String kind, String name) {
        return new EntryId(Type.DOCUMENT, file, "", kind, "", name);
    }

    public static EntryId file(String file) {
        return new EntryId(Type.FILE, file, "", "", "", "");
    }

    /**
     * How people read it: {@code Service web/public-web}, {@code CiliumL2AnnouncementPolicy.cilium.io l2},
     * {@code talos/cp-1.yaml NetworkRuleConfig apid}, {@code hosts/pve1/clusterspec.nft}.
     */
    public String display() {
        return switch (type) {
            case OBJECT -> kind + (group.isEmpty() ? "" : "." + group) + " "
                    + (namespace.isEmpty() ? "" : namespace + "/") + name;
            case DOCUMENT -> file + (kind.isEmpty() ? "" : " " + kind) + (name.isEmpty() ? "" : " " + name);
            case FILE -> file;
        };
    }

    @Override
    public int compareTo(EntryId other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return display();
    }
}
