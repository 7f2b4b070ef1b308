package dev.clusterspec.publish;

import java.util.List;
import java.util.Objects;

import dev.clusterspec.secretscan.SecretFinding;

/**
 * Publishing failed for a reason the user can act on; the message says which and what to do.
 * Messages never contain the token.
 */
public final class PublishException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why publishing failed, for callers that map failures to their own errors or exit codes. */
    public enum Reason {
        /** The generated content holds a Secret, a private key or a token; nothing was pushed. */
        SECRET_FOUND,
        /** The generated folder is missing, empty, or holds something a git tree cannot. */
        INVALID_SOURCE,
        /** The local cache clone folder cannot be used. */
        WORK_DIR,
        /** The server refused the credentials (HTTP 401). */
        AUTHENTICATION,
        /** The credentials were accepted but may not push (HTTP 403 on receive-pack). */
        FORBIDDEN,
        /** No git repository at the URL. */
        REPOSITORY_NOT_FOUND,
        /** The server could not be reached (connection refused, unknown host, timeout). */
        UNREACHABLE,
        /** The server rejected the push (protected branch, hook, policy). */
        REJECTED,
        /** Other writers kept moving the branch until all retries were used. */
        RETRIES_EXHAUSTED,
        /** Any other git failure. */
        GIT
    }

    private final Reason reason;
    private final transient List<SecretFinding> findings;

    PublishException(Reason reason, String message) {
        this(reason, message, null, List.of());
    }

    PublishException(Reason reason, String message, Throwable cause) {
        this(reason, message, cause, List.of());
    }

    PublishException(Reason reason, String message, Throwable cause, List<SecretFinding> findings) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.findings = List.copyOf(findings);
    }

    public Reason reason() {
        return reason;
    }

    /** For {@link Reason#SECRET_FOUND}: where the secrets are (file, line, kind; never the value). */
    public List<SecretFinding> findings() {
        return findings == null ? List.of() : findings;
    }
}
