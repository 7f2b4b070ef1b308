package dev.clusterspec.generate;

import dev.clusterspec.load.Diagnostic;
import dev.clusterspec.emit.OutputFile;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What a generate run did: skipped as up to date, or the files it wrote, with validation warnings. */
public record GenerateResult(boolean skipped, List<OutputFile> files, List<Diagnostic> warnings, List<String> notes) {

    /** Files and bytes per top-level output folder ({@code talos}, {@code manifest-repo}, ...). */
    public Map<String, long[]> totalsByTarget() {
        Map<String, long[]> totals = new TreeMap<>();
        for (OutputFile f : files) {
            String target = f.path().contains("/") ? f.path().substring(0, f.path().indexOf('/')) : f.path();
            long[] t = totals.computeIfAbsent(target, k -> new long[2]);
            t[0]++;
            t[1] += f.size();
        }
        return totals;
    }
}
