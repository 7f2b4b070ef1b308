package dev.clusterspec.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Compares two sets of output files (relative path to content): what {@code generate} produces
 * against the published manifest repo, a folder, or the last output. Kubernetes objects are
 * matched by identity across files, Talos config documents by kind and name within their node's
 * file, other files by path. Secret values are redacted before anything is rendered. The result
 * is sorted by identity, so the same inputs always give the same report.
 */
public final class OutputDiff {

    private OutputDiff() {}

    public static DiffReport compare(Map<String, byte[]> before, Map<String, byte[]> after, DiffOptions options) {
        List<String> notes = new ArrayList<>();
        SideReader.Side beforeSide = side(before, options, options.beforeLabel(), notes);
        SideReader.Side afterSide = side(after, options, options.afterLabel(), notes);
        notes.addAll(beforeSide.notes());
        notes.addAll(afterSide.notes());

        SortedSet<EntryId> ids = new TreeSet<>(beforeSide.items().keySet());
        ids.addAll(afterSide.items().keySet());
        EntryDiffer differ = new EntryDiffer(options);
        List<DiffEntry> entries = new ArrayList<>(ids.size());
        for (EntryId id : ids) {
            entries.add(differ.entry(id, beforeSide.items().get(id), afterSide.items().get(id)));
        }
        return new DiffReport(entries, notes);
    }

    private static SideReader.Side side(Map<String, byte[]> files, DiffOptions options, String label, List<String> notes) {
        ManifestIndexFilter.Result live = ManifestIndexFilter.apply(files, options.manifestIndex());
        if (live.archived() > 0) {
            notes.add("left out " + live.archived() + (live.archived() == 1 ? " file" : " files") + " of the " + label
                    + " side that " + options.manifestIndex() + " does not list (older content-addressed versions)");
        }
        if (live.unusable()) {
            notes.add(options.manifestIndex() + " on the " + label + " side lists no files; every file there is compared");
        }
        return SideReader.read(live.files(), options, label);
    }
}
