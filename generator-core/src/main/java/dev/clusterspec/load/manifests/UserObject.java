package dev.clusterspec.load.manifests;

import dev.clusterspec.load.Diagnostic;
import dev.clusterspec.load.Diagnostic.Severity;
import dev.clusterspec.load.SourceMap;
import dev.clusterspec.yaml.Position;
import tools.jackson.databind.node.ObjectNode;

/** One object of a user manifest file, with where its values were written (for located messages). */
public record UserObject(ObjectNode tree, SourceMap sourceMap, ObjectKey key) {

    /** A finding at the value {@code pointer} names in this object (or its closest written parent). */
    public Diagnostic at(Severity severity, String pointer, String message) {
        Position p = sourceMap.valueAt(pointer);
        return new Diagnostic(severity, sourceMap.file(), p.line(), p.column(), pointer, message);
    }

    /** Where the object starts: {@code file:line}, for messages that point back at it. */
    public String place() {
        return sourceMap.file() + ":" + sourceMap.valueAt("").line();
    }
}
