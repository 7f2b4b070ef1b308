package dev.clusterspec.diff;

import java.util.List;
import java.util.Objects;

/**
 * One object, document or file that is on one side or both. {@code beforeFile}/{@code afterFile}
 * are the relative paths it was found in (null on the side it is missing from); an unchanged
 * Kubernetes object may have moved between content-addressed files. {@code diff} is a unified diff
 * of its redacted rendering ({@code ---}, {@code +++}, {@code @@} hunks; empty when unchanged),
 * cut after the configured number of lines, with {@code omittedLines} saying how many were cut.
 */
public record DiffEntry(EntryId id, Status status, String beforeFile, String afterFile,
                        List<FieldChange> fieldChanges, List<String> diff, int omittedLines) {

    public enum Status { ADDED, REMOVED, CHANGED, UNCHANGED }

    public DiffEntry {
        Objects.requireNonNull(id);
        Objects.requireNonNull(status);
        fieldChanges = List.copyOf(fieldChanges);
        diff = List.copyOf(diff);
    }

    /** True when the entry is in different files on the two sides (content-addressed names). */
    public boolean moved() {
        return beforeFile != null && afterFile != null && !beforeFile.equals(afterFile);
    }
}
