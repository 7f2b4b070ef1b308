package dev.clusterspec.emit.report;

/** Numbers the runbook's steps as they are added, so that no topology's runbook skips or repeats one. */
final class Steps {

    private int next;

    /** A step heading, {@code N. title}; the first step is 0 (preparation). */
    Block.Heading heading(String id, String title) {
        return new Block.Heading(id, next++ + ". " + title);
    }
}
