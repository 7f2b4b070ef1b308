package dev.clusterspec.load;

import java.util.List;

/**
 * What was read from the files a spec names (Talos patches, the user's manifests) together with what
 * is wrong with them: validation reports the problems, and the plan of a valid spec takes the value.
 */
public record Reading<T>(T value, List<Diagnostic> problems) {

    public Reading {
        problems = List.copyOf(problems);
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(Diagnostic::isError);
    }
}
