package dev.clusterspec.publish;

import java.util.regex.Pattern;

import dev.clusterspec.BuildLog;

/**
 * Removes the token (and any password written into a URL) from text that leaves the publisher:
 * log lines, exception messages, and messages relayed from JGit or the server.
 */
final class Redactor {

    static final String MASK = "****";
    private static final Pattern URL_PASSWORD = Pattern.compile("(://[^/:@\\s]+):[^/@\\s]+@");
    private static final Pattern URL_USERINFO = Pattern.compile("://[^/@\\s]+@");

    private final String token;

    Redactor(Credentials credentials) {
        this.token = credentials == null ? null : new String(credentials.token());
    }

    String redact(String text) {
        if (text == null) {
            return null;
        }
        String result = URL_PASSWORD.matcher(text).replaceAll("$1:" + MASK + "@");
        if (token != null) {
            result = result.replace(token, MASK);
        }
        return result;
    }

    /** True when no message in the cause chain holds a secret, so the exception may travel as a cause. */
    boolean isClean(Throwable throwable) {
        for (Throwable t = throwable; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && !message.equals(redact(message))) {
                return false;
            }
        }
        return true;
    }

    /** The URL to show people: without any user info. */
    static String displayUrl(String url) {
        return URL_USERINFO.matcher(url).replaceFirst("://");
    }

    /** A log that redacts every line before it reaches {@code log}. */
    BuildLog wrap(BuildLog log) {
        return new BuildLog() {
            @Override
            public void info(String message) {
                log.info(redact(message));
            }

            @Override
            public void warn(String message) {
                log.warn(redact(message));
            }

            @Override
            public void debug(String message) {
                log.debug(redact(message));
            }
        };
    }
}
