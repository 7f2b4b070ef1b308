package dev.clusterspec.publish;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;

import org.eclipse.jgit.errors.NoRemoteRepositoryException;

import dev.clusterspec.publish.PublishException.Reason;

/**
 * Turns JGit's transport failures into messages that say what happened and what to do. JGit reports
 * HTTP 401 as "not authorized", a missing provider as "Authentication is required", HTTP 403 on
 * receive-pack as "git-receive-pack not permitted", and wraps socket failures as the cause.
 */
final class TransportFailures {

    private TransportFailures() {
    }

    static PublishException map(Exception failure, PublishRequest request, Redactor redactor) {
        String url = Redactor.displayUrl(request.remoteUrl());
        String user = request.credentials() == null ? null : request.credentials().username();
        Throwable cause = redactor.isClean(failure) ? failure : null;
        String detail = redactor.redact(describe(failure));
        String messages = redactor.redact(allMessages(failure)).toLowerCase(Locale.ROOT);

        Throwable network = networkCause(failure);
        if (network != null) {
            String what = network instanceof UnknownHostException ? "unknown host " + network.getMessage()
                    : network instanceof ConnectException ? "connection refused"
                    : network instanceof NoRouteToHostException ? "no route to host"
                    : "timed out";
            return new PublishException(Reason.UNREACHABLE, "cannot reach the git server at " + url + " (" + what
                    + "): the server is down or unreachable from here; check the URL, the network and any proxy",
                    cause);
        }
        if (hasCause(failure, NoRemoteRepositoryException.class)) {
            return new PublishException(Reason.REPOSITORY_NOT_FOUND, "no git repository at " + url
                    + ": check the manifest repo URL (and that " + (user == null ? "anonymous access" : "user " + user)
                    + " can see it)", cause);
        }
        if (messages.contains("not authorized") || messages.contains("authentication is required")
                || messages.contains("authentication not supported")) {
            String message = user == null
                    ? "the git server at " + url + " requires authentication, but no credentials were given: "
                            + "configure a server with user name and token (settings.xml) or the token environment variable"
                    : "authentication failed for " + url + " as " + user + ": check the token (is it correct, not "
                            + "expired or revoked, and meant for this server?) and the user name";
            return new PublishException(Reason.AUTHENTICATION, message, cause);
        }
        if (messages.contains("not permitted")) {
            return new PublishException(Reason.FORBIDDEN, "the git server at " + url + " does not let "
                    + (user == null ? "anonymous users" : user) + " push (" + detail + "): give the token write "
                    + "access to the repository", cause);
        }
        return new PublishException(Reason.GIT, "git failed for " + url + ": " + detail, cause);
    }

    private static Throwable networkCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException || t instanceof SocketTimeoutException) {
                return t;
            }
        }
        return null;
    }

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** The outermost message, plus the root cause's when it adds something. */
    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String outer = String.valueOf(failure.getMessage());
        String inner = root.getMessage();
        return root == failure || inner == null || outer.contains(inner) ? outer : outer + " (" + inner + ")";
    }

    private static String allMessages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
