package dev.clusterspec.emit.report;

/** Numbers the runbook's steps as they are written, so no topology skips a number. */
final class RunbookSteps {

    private int next;

    /** The next step's heading, {@code N. title}. */
    Block.Heading heading(String id, String title) {
        return new Block.Heading(id, next++ + ". " + title);
    }

    /** A part of the step before ({@code Nb. title}). */
    Block.Heading subHeading(String id, String title) {
        return new Block.Heading(id, (next - 1) + "b. " + title);
    }
}
