package dev.clusterspec.emit.usermanifests;

import dev.clusterspec.check.Diagnostic;
import dev.clusterspec.check.Diagnostic.Severity;
import dev.clusterspec.load.SourceMap;
import tools.jackson.databind.node.ObjectNode;

/** One object of a user manifest file, with where its values were written (for located messages). */
record UserObject(ObjectNode tree, SourceMap sourceMap, ObjectKey key) {

    /** A finding at the value {@code pointer} names in this object (or its closest written parent). */
    Diagnostic at(Severity severity, String pointer, String message) {
        SourceMap.Position p = sourceMap.valueAt(pointer);
        return new Diagnostic(severity, sourceMap.file(), p.line(), p.column(), pointer, message);
    }

    /** Where the object starts: {@code file:line}, for messages that point back at it. */
    String place() {
        return sourceMap.file() + ":" + sourceMap.valueAt("").line();
    }
}
