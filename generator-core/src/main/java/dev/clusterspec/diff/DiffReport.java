package dev.clusterspec.diff;

import dev.clusterspec.diff.DiffEntry.Status;
import java.util.List;

/**
 * The result of a comparison: every entry sorted by identity, and notes about the inputs
 * (duplicate definitions, old manifest-repo files left out). Everything in it is redacted.
 */
public record DiffReport(List<DiffEntry> entries, List<String> notes) {

    private static final String RESET = "\u001b[0m";
    private static final String BOLD = "\u001b[1m";
    private static final String RED = "\u001b[31m";
    private static final String GREEN = "\u001b[32m";
    private static final String YELLOW = "\u001b[33m";
    private static final String CYAN = "\u001b[36m";

    public DiffReport {
        entries = entries.stream().sorted((x, y) -> x.id().compareTo(y.id())).toList();
        notes = List.copyOf(notes);
    }

    public List<DiffEntry> added() {
        return with(Status.ADDED);
    }

    public List<DiffEntry> removed() {
        return with(Status.REMOVED);
    }

    public List<DiffEntry> changed() {
        return with(Status.CHANGED);
    }

    public List<DiffEntry> unchanged() {
        return with(Status.UNCHANGED);
    }

    private List<DiffEntry> with(Status status) {
        return entries.stream().filter(e -> e.status() == status).toList();
    }

    public boolean hasChanges() {
        return entries.stream().anyMatch(e -> e.status() != Status.UNCHANGED);
    }

    /** {@code 3 added, 1 changed, 0 removed (12 unchanged)}. */
    public String summary() {
        return added().size() + " added, " + changed().size() + " changed, " + removed().size() + " removed ("
                + unchanged().size() + " unchanged)";
    }

    /**
     * The report as text: notes, then each added, changed or removed entry (header, file, changed
     * fields, unified diff), then the summary. With {@code color}, ANSI colours: green additions,
     * red removals, cyan hunk headers, bold headers; without, plain text for logs and CI.
     */
    public String render(boolean color) {
        Style style = new Style(color);
        StringBuilder out = new StringBuilder();
        for (String note : notes) {
            out.append("note: ").append(note).append('\n');
        }
        if (!notes.isEmpty()) {
            out.append('\n');
        }
        for (DiffEntry entry : entries) {
            if (entry.status() != Status.UNCHANGED) {
                entry(out, entry, style);
            }
        }
        if (!hasChanges()) {
            out.append("No changes.\n");
        }
        out.append(style.paint(BOLD, summary())).append('\n');
        return out.toString();
    }

    private static void entry(StringBuilder out, DiffEntry entry, Style style) {
        String marker = switch (entry.status()) {
            case ADDED -> style.paint(BOLD + GREEN, "+ added");
            case REMOVED -> style.paint(BOLD + RED, "- removed");
            case CHANGED -> style.paint(BOLD + YELLOW, "~ changed");
            case UNCHANGED -> "";
        };
        out.append(marker).append(style.paint(BOLD, " " + entry.id().display())).append('\n');
        if (entry.id().type() == EntryId.Type.OBJECT) {
            out.append("  file: ");
            if (entry.moved()) {
                out.append(entry.afterFile()).append(" (was ").append(entry.beforeFile()).append(')');
            } else {
                out.append(entry.afterFile() != null ? entry.afterFile() : entry.beforeFile());
            }
            out.append('\n');
        }
        for (FieldChange field : entry.fieldChanges()) {
            out.append("  ").append(field).append('\n');
        }
        for (String line : entry.diff()) {
            out.append(diffLine(line, style)).append('\n');
        }
        if (entry.omittedLines() > 0) {
            out.append("... ").append(entry.omittedLines()).append(" more diff lines not shown\n");
        }
        out.append('\n');
    }

    private static String diffLine(String line, Style style) {
        if (line.startsWith("---") || line.startsWith("+++")) {
            return style.paint(BOLD, line);
        }
        if (line.startsWith("@@")) {
            return style.paint(CYAN, line);
        }
        if (line.startsWith("+")) {
            return style.paint(GREEN, line);
        }
        if (line.startsWith("-")) {
            return style.paint(RED, line);
        }
        return line;
    }

    private record Style(boolean color) {
        String paint(String code, String text) {
            return color ? code + text + RESET : text;
        }
    }
}
