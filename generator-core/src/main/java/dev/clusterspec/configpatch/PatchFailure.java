package dev.clusterspec.configpatch;

/**
 * A problem found inside the engine, before it is known which patch, document or operation it
 * belongs to; the caller that knows turns it into a {@link PatchException}.
 */
final class PatchFailure extends RuntimeException {

    private final String pointer;
    private final String target;

    /**
     * @param pointer where in the patch document (or operation list) the problem is written
     * @param target  the config path worked on, "" when none
     */
    PatchFailure(String pointer, String target, String reason) {
        super(reason, null, false, false);
        this.pointer = pointer;
        this.target = target;
    }

    String pointer() {
        return pointer;
    }

    String target() {
        return target;
    }

    String reason() {
        return getMessage();
    }

    PatchException in(String patch, PatchException.Part part, int index) {
        return new PatchException(patch, part, index, pointer, target, reason());
    }
}
