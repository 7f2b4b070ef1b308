package dev.clusterspec.load.patches;

import dev.clusterspec.load.Diagnostic;
import dev.clusterspec.configpatch.ConfigPatch;
import dev.clusterspec.configpatch.PatchException;
import dev.clusterspec.configpatch.PatchParser;
import dev.clusterspec.load.SafeYamlReader;
import dev.clusterspec.load.SourceMap;
import dev.clusterspec.spec.SpecFolder;
import dev.clusterspec.load.SpecReadException;
import dev.clusterspec.yaml.YamlLimits;
import dev.clusterspec.spec.PatchEntry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Turns the patch entries of the spec into patches: reads the files (confined to the spec's
 * folder), parses YAML with positions, tells strategic merge from JSON patches. Every problem is
 * collected as a located diagnostic, so that validation reports them all at once.
 */
final class PatchLoader {

    /** Patches are small; the spec's limits are ample for them. */
    private static final YamlLimits LIMITS = SafeYamlReader.SPEC_LIMITS;

    private final SourceMap spec;
    private final Optional<Path> specFile;
    private final List<Diagnostic> problems = new ArrayList<>();

    /**
     * @param spec     positions in the spec
     * @param specFile the spec file, whose folder holds patch files; empty for a spec built in code
     */
    PatchLoader(SourceMap spec, Optional<Path> specFile) {
        this.spec = spec;
        this.specFile = specFile;
    }

    List<Diagnostic> problems() {
        return problems;
    }

    /** The patch of one entry, or empty when it has a problem (then recorded). */
    Optional<TalosPatch> load(PatchEntry entry, String pointer, String level) {
        try {
            if (entry.fileIfAny().isPresent()) {
                return fromFile(entry.file(), pointer, level);
            }
            JsonNode inline = entry.inline();
            if (inline.isString()) {
                return fromText(inline.stringValue(), pointer, level);
            }
            ConfigPatch patch = PatchParser.parse(label(pointer), List.of(inline));
            return Optional.of(new TalosPatch(patch, PatchOrigin.inline(spec, pointer), level));
        } catch (PatchException e) {
            problems.add(PatchOrigin.inline(spec, pointer).locate(e, message(e)));
            return Optional.empty();
        }
    }

    private Optional<TalosPatch> fromFile(String relative, String pointer, String level) {
        if (specFile.isEmpty()) {
            problems.add(PatchOrigin.at(spec, pointer + "/file", "a patch file needs the spec's folder, and this spec has no file"));
            return Optional.empty();
        }
        SpecFolder folder = SpecFolder.of(specFile.get());
        byte[] bytes;
        try {
            bytes = folder.read(relative, LIMITS.maxBytes());
        } catch (SpecFolder.OutsideException e) {
            problems.add(PatchOrigin.at(spec, pointer + "/file", "patch file: " + e.getMessage()));
            return Optional.empty();
        }
        String shown = specFile.get().resolveSibling(relative).normalize().toString();
        Optional<List<SafeYamlReader.Document>> read = new SafeYamlReader(LIMITS).readAll(shown, bytes, problems);
        if (read.isEmpty()) {
            return Optional.empty();
        }
        List<SafeYamlReader.Document> documents = read.get();
        PatchOrigin origin = new PatchOrigin(spec, pointer, PatchOrigin.Form.FILE, relative, maps(documents), firstPresent(documents));
        return parse(relative, documents, origin, level);
    }

    private Optional<TalosPatch> fromText(String text, String pointer, String level) {
        List<SafeYamlReader.Document> documents;
        try {
            documents = new SafeYamlReader(LIMITS).readAll(spec.file(), text.getBytes(StandardCharsets.UTF_8));
        } catch (SpecReadException e) {
            Diagnostic inner = e.diagnostic();
            problems.add(PatchOrigin.at(spec, pointer, "the patch text is not valid YAML: " + inner.message() + " (line " + inner.line()
                    + ", column " + inner.column() + " of the patch text)"));
            return Optional.empty();
        }
        PatchOrigin origin = new PatchOrigin(spec, pointer, PatchOrigin.Form.TEXT, null, maps(documents), firstPresent(documents));
        return parse(label(pointer), documents, origin, level);
    }

    private Optional<TalosPatch> parse(String label, List<SafeYamlReader.Document> documents, PatchOrigin origin, String level) {
        try {
            ConfigPatch patch = PatchParser.parse(label, documents.stream().map(SafeYamlReader.Document::root).toList());
            return Optional.of(new TalosPatch(patch, origin, level));
        } catch (PatchException e) {
            problems.add(origin.locate(e, message(e)));
            return Optional.empty();
        }
    }

    /** A patch that cannot be read: what is wrong, without the patch's label (the location says where). */
    static String message(PatchException e) {
        String where = switch (e.part()) {
            case DOCUMENT -> "document " + (e.index() + 1) + ": ";
            case OPERATION -> "operation " + (e.index() + 1) + ": ";
            case PATCH -> "";
        };
        return "talos patch: " + where + (e.target().isEmpty() ? "" : e.target() + ": ") + e.reason();
    }

    /** {@code /nodes/2/patches/0} as {@code nodes[2].patches[0]}. */
    static String label(String pointer) {
        StringBuilder out = new StringBuilder();
        for (String part : pointer.substring(1).split("/")) {
            if (part.chars().allMatch(Character::isDigit)) {
                out.append('[').append(part).append(']');
            } else {
                out.append(out.isEmpty() ? "" : ".").append(part);
            }
        }
        return out.toString();
    }

    private static List<SourceMap> maps(List<SafeYamlReader.Document> documents) {
        return documents.stream().map(SafeYamlReader.Document::sourceMap).toList();
    }

    private static int firstPresent(List<SafeYamlReader.Document> documents) {
        for (int i = 0; i < documents.size(); i++) {
            if (!documents.get(i).root().isNull()) {
                return i;
            }
        }
        return 0;
    }
}
