package dev.clusterspec.publish;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a publish did (or, in a dry run, would do).
 *
 * @param commitId the new commit on the branch; empty when nothing changed or in a dry run
 * @param added    paths new in the manifest repo, sorted
 * @param changed  paths whose content changed, sorted
 * @param removed  paths deleted from the manifest repo, sorted
 * @param pushed   true when the commit reached the remote
 * @param attempts how many fetch-commit-push rounds it took (more than 1 when another writer moved the branch)
 * @param dryRun   true when nothing was committed or pushed by design
 */
public record PublishResult(Optional<String> commitId, List<String> added, List<String> changed,
                            List<String> removed, boolean pushed, int attempts, boolean dryRun) {

    public PublishResult {
        Objects.requireNonNull(commitId, "commitId");
        added = List.copyOf(added);
        changed = List.copyOf(changed);
        removed = List.copyOf(removed);
    }

    public boolean hasChanges() {
        return !added.isEmpty() || !changed.isEmpty() || !removed.isEmpty();
    }

    /** {@code added 2, changed 1, removed 0}. */
    public String summary() {
        return "added " + added.size() + ", changed " + changed.size() + ", removed " + removed.size();
    }
}
