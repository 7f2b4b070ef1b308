package dev.clusterspec.publish;

import java.util.List;

/** The staged difference between the branch tip and the new content, each list sorted. */
record Changes(List<String> added, List<String> changed, List<String> removed) {

    Changes {
        added = added.stream().sorted().toList();
        changed = changed.stream().sorted().toList();
        removed = removed.stream().sorted().toList();
    }

    boolean isEmpty() {
        return added.isEmpty() && changed.isEmpty() && removed.isEmpty();
    }

    String summary() {
        return "added " + added.size() + ", changed " + changed.size() + ", removed " + removed.size();
    }
}
