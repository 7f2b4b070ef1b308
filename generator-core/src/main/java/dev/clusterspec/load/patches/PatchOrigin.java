package dev.clusterspec.load.patches;

import dev.clusterspec.load.Diagnostic;
import dev.clusterspec.load.Diagnostic.Severity;
import dev.clusterspec.configpatch.PatchException;
import dev.clusterspec.load.SourceMap;
import dev.clusterspec.yaml.Position;
import java.util.List;

/**
 * Where one Talos patch of the spec is written, so that a problem inside it is reported at its
 * {@code file:line:col}: in the spec itself (a mapping or list written inline), in a text inside
 * the spec (positions in the text are added to the message), or in a file beside the spec.
 */
final class PatchOrigin {

    /** How the patch is written. */
    enum Form { INLINE, TEXT, FILE }

    private final SourceMap spec;
    private final String entry;
    private final Form form;
    private final String file;
    private final List<SourceMap> documents;
    private final int listDocument;

    /**
     * @param spec      positions in the spec
     * @param entry     pointer of the patch's entry in the spec ({@code /talos/patches/0})
     * @param file      the patch file as reported (FILE only)
     * @param documents positions in each YAML document of the text or file (TEXT and FILE), in the
     *                  order the patch parser was given them
     * @param listDocument which of them holds a JSON patch's operations (the first non-empty one)
     */
    PatchOrigin(SourceMap spec, String entry, Form form, String file, List<SourceMap> documents, int listDocument) {
        this.spec = spec;
        this.entry = entry;
        this.form = form;
        this.file = file;
        this.documents = List.copyOf(documents);
        this.listDocument = listDocument;
    }

    static PatchOrigin inline(SourceMap spec, String entry) {
        return new PatchOrigin(spec, entry, Form.INLINE, null, List.of(), 0);
    }

    Form form() {
        return form;
    }

    /** The patch file's path as written in the spec, for FILE. */
    String file() {
        return file;
    }

    String entry() {
        return entry;
    }

    /** Where the entry is in the spec: {@code cluster.yaml:88:7}. */
    Position entryPosition() {
        return spec.valueAt(entry);
    }

    /** A diagnostic for a problem of this patch, at its place. */
    Diagnostic locate(PatchException e, String message) {
        if (e.part() == PatchException.Part.PATCH || form == Form.INLINE && e.part() == PatchException.Part.DOCUMENT && e.index() > 0) {
            return at(spec, entry, message);
        }
        if (form == Form.INLINE) {
            return at(spec, entry + e.pointer(), message);
        }
        SourceMap inner = documents.get(e.part() == PatchException.Part.OPERATION ? listDocument : e.index());
        Position p = inner.valueAt(e.pointer());
        if (form == Form.FILE) {
            return new Diagnostic(Severity.ERROR, inner.file(), p.line(), p.column(), e.pointer(), message);
        }
        return at(spec, entry, message + " (line " + p.line() + ", column " + p.column() + " of the patch text)");
    }

    static Diagnostic at(SourceMap map, String pointer, String message) {
        Position p = map.valueAt(pointer);
        return new Diagnostic(Severity.ERROR, map.file(), p.line(), p.column(), pointer, message);
    }
}
