package dev.clusterspec.configpatch;

import dev.clusterspec.UserError;

/**
 * A patch that cannot be read or cannot be applied. It names the patch (its label), the document
 * (strategic merge) or operation (JSON patch) by index, the config path it was working on, and why;
 * {@link #pointer()} is where in the patch the problem is written, so a caller that kept the patch's
 * source positions can turn it into {@code file:line:col}.
 */
public final class PatchException extends RuntimeException implements UserError {

    /** What {@link #index()} counts. */
    public enum Part {
        /** A YAML document of a strategic merge patch (0-based). */
        DOCUMENT,
        /** An operation of a JSON patch (0-based). */
        OPERATION,
        /** The patch as a whole; the index is -1. */
        PATCH
    }

    private final String patch;
    private final Part part;
    private final int index;
    private final String pointer;
    private final String target;
    private final String reason;

    /**
     * @param patch   the patch's label
     * @param part    what {@code index} counts
     * @param index   the document or operation, 0-based; -1 for the whole patch
     * @param pointer JSON pointer inside that document (strategic merge) or inside the operation list
     *                (JSON patch) to where the problem is written; "" for the document or list itself
     * @param target  the path in the config the patch was working on ({@code machine.network.hostname},
     *                {@code /machine/certSANs}); "" when there is none
     * @param reason  what is wrong and, where it helps, what to do
     */
    public PatchException(String patch, Part part, int index, String pointer, String target, String reason) {
        super(message(patch, part, index, target, reason));
        this.patch = patch;
        this.part = part;
        this.index = index;
        this.pointer = pointer;
        this.target = target;
        this.reason = reason;
    }

    private static String message(String patch, Part part, int index, String target, String reason) {
        StringBuilder out = new StringBuilder("patch ").append(patch);
        switch (part) {
            case DOCUMENT -> out.append(", document ").append(index + 1);
            case OPERATION -> out.append(", operation ").append(index + 1);
            case PATCH -> { }
        }
        out.append(": ");
        if (!target.isEmpty()) {
            out.append(target).append(": ");
        }
        return out.append(reason).toString();
    }

    public String patch() {
        return patch;
    }

    public Part part() {
        return part;
    }

    public int index() {
        return index;
    }

    public String pointer() {
        return pointer;
    }

    public String target() {
        return target;
    }

    public String reason() {
        return reason;
    }
}
