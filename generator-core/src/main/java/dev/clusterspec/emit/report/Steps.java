package dev.clusterspec.emit.report;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Numbers the runbook's steps in the order the document meets them, so that no topology's runbook
 * skips or repeats one, and gives the number of a step by its id for the prose that refers to it.
 */
final class Steps {

    private final Map<String, Integer> numbers = new HashMap<>();

    boolean has(String id) {
        return numbers.containsKey(id);
    }

    /**
     * A step heading, {@code N. title}; the first step is 0 (preparation). The caller checks {@link #has}
     * first, so that the error can name the template and the line.
     */
    Block.Heading heading(String id, String title) {
        int number = numbers.size();
        numbers.put(id, number);
        return new Block.Heading(id, number + ". " + title);
    }

    Optional<Integer> number(String id) {
        return Optional.ofNullable(numbers.get(id));
    }
}
