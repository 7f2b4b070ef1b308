package dev.clusterspec.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * {@code clusterspec: <spec name> @ <spec hash, 12 characters>}, a blank line, the counts, then one
 * line per file with git's status letter, so that {@code git log} of the manifest repo shows which
 * spec produced which content.
 */
final class CommitMessage {

    /** Enough to review; a commit touching more files says how many it left out. */
    static final int MAX_LISTED_FILES = 200;

    private CommitMessage() {
    }

    static String of(String specName, String specHash, Changes changes) {
        StringBuilder message = new StringBuilder()
                .append("clusterspec: ").append(specName).append(" @ ").append(shortHash(specHash))
                .append("\n\n").append(changes.summary()).append("\n\n");
        TreeMap<String, Character> files = new TreeMap<>();
        changes.added().forEach(p -> files.put(p, 'A'));
        changes.changed().forEach(p -> files.put(p, 'M'));
        changes.removed().forEach(p -> files.put(p, 'D'));
        List<String> lines = new ArrayList<>();
        files.forEach((path, status) -> lines.add(status + " " + path));
        lines.stream().limit(MAX_LISTED_FILES).forEach(line -> message.append(line).append('\n'));
        if (lines.size() > MAX_LISTED_FILES) {
            message.append("... and ").append(lines.size() - MAX_LISTED_FILES).append(" more\n");
        }
        return message.toString();
    }

    static String shortHash(String specHash) {
        String hash = specHash.strip();
        if (hash.toLowerCase(Locale.ROOT).startsWith("sha256:")) {
            hash = hash.substring("sha256:".length());
        }
        return hash.length() <= 12 ? hash : hash.substring(0, 12);
    }
}
