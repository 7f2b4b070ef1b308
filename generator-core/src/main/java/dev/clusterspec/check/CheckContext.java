package dev.clusterspec.check;

import dev.clusterspec.load.Diagnostic.Severity;
import dev.clusterspec.load.LoadedSpec;
import dev.clusterspec.load.Reading;
import dev.clusterspec.load.SourceMap;
import dev.clusterspec.load.manifests.UserManifests;
import dev.clusterspec.load.patches.TalosPatches;
import dev.clusterspec.spec.ClusterSpec;
import java.util.ArrayList;
import java.util.List;
import dev.clusterspec.load.Diagnostic;
import dev.clusterspec.yaml.Position;

/** What a check sees: the spec, where its values were written, and where findings go. */
public final class CheckContext {

    private final LoadedSpec loaded;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private Reading<TalosPatches> talosPatches;
    private Reading<UserManifests> userManifests;

    public CheckContext(LoadedSpec loaded) {
        this.loaded = loaded;
    }

    public ClusterSpec spec() {
        return loaded.spec();
    }

    /** The spec with its file and positions, for checks that read files beside it. */
    public LoadedSpec loaded() {
        return loaded;
    }

    /** The Talos patches as read from the spec and its files: read once, for the checks and then the plan. */
    public Reading<TalosPatches> talosPatches() {
        if (talosPatches == null) {
            talosPatches = TalosPatches.read(loaded);
        }
        return talosPatches;
    }

    /** The user's manifests as read from their folder: read once, for the checks and then the plan. */
    public Reading<UserManifests> userManifests() {
        if (userManifests == null) {
            userManifests = UserManifests.read(loaded);
        }
        return userManifests;
    }

    /** A finding located by the check itself (e.g. in a file the spec names). */
    public void report(Diagnostic diagnostic) {
        diagnostics.add(diagnostic);
    }

    public void error(String pointer, String message) {
        add(Severity.ERROR, pointer, message);
    }

    public void warning(String pointer, String message) {
        add(Severity.WARNING, pointer, message);
    }

    /** Whether the user wrote this value (rather than leaving it to the schema's default). */
    public boolean written(String pointer) {
        return loaded.sourceMap().has(pointer);
    }

    /** The line a value was written on, so a finding can point back at an earlier one. */
    public int line(String pointer) {
        return loaded.sourceMap().valueAt(pointer).line();
    }

    private void add(Severity severity, String pointer, String message) {
        SourceMap map = loaded.sourceMap();
        Position at = map.valueAt(pointer);
        diagnostics.add(new Diagnostic(severity, map.file(), at.line(), at.column(), pointer, message));
    }

    List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
