package dev.clusterspec.yaml;

import java.util.Optional;

/**
 * Text that {@link YamlReader} refuses: either it is not YAML (the parser's problem, with what it
 * was reading as the context), or it breaks one of the {@link YamlLimits}. The message never quotes
 * the input, which may hold a secret.
 */
public final class YamlReadException extends RuntimeException {

    private final boolean syntax;
    private final String problem;
    private final Position problemAt;
    private final String context;
    private final Position contextAt;

    private YamlReadException(boolean syntax, String problem, Position problemAt, String context, Position contextAt) {
        super(problem != null ? problem : context, null, false, false);
        this.syntax = syntax;
        this.problem = problem;
        this.problemAt = problemAt;
        this.context = context;
        this.contextAt = contextAt;
    }

    /** The parser's report: the text is not valid YAML. Either position may be unknown (null). */
    static YamlReadException syntax(String problem, Position problemAt, String context, Position contextAt) {
        return new YamlReadException(true, problem, problemAt, context, contextAt);
    }

    /** A limit broken at a known place. */
    static YamlReadException limit(String message, Position at) {
        return new YamlReadException(false, message, at, null, null);
    }

    /** Whether the text is not YAML at all, as opposed to YAML beyond a limit. */
    public boolean isSyntax() {
        return syntax;
    }

    /** What is wrong; may be null for a parser report that only has a context. */
    public String problem() {
        return problem;
    }

    /** What the parser was reading when it failed ("while parsing a flow mapping"), or null. */
    public String context() {
        return context;
    }

    public Optional<Position> problemPosition() {
        return Optional.ofNullable(problemAt);
    }

    public Optional<Position> contextPosition() {
        return Optional.ofNullable(contextAt);
    }

    /** Where to point the reader: the problem, else the context, else the start of the text. */
    public Position position() {
        return problemAt != null ? problemAt : contextAt != null ? contextAt : Position.START;
    }
}
