package dev.clusterspec.load.bundle;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A secrets bundle file that cannot be used: bad YAML, missing or unknown fields, values that do
 * not decode. Carries every problem found, each as {@code file:line:col: message}.
 */
public final class SecretsBundleFormatException extends SecretsBundleException {

    private static final long serialVersionUID = 1L;

    private final transient List<SecretsBundleProblem> problems;

    public SecretsBundleFormatException(List<SecretsBundleProblem> problems) {
        super(problems.stream().map(SecretsBundleProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<SecretsBundleProblem> problems() {
        return problems;
    }
}
